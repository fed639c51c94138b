using System.Linq.Expressions;
using WebApp.Admin.Metadata;

namespace WebApp.Admin;

/// <summary>One choice in a filter panel: setting <see cref="Parameter"/> to <see cref="Value"/> selects it.</summary>
public sealed record FilterChoice(string Label, string Parameter, string Value);

/// <summary>
/// A changelist filter. Subclass <see cref="SimpleListFilter{T}"/> for a custom one (Django's SimpleListFilter);
/// <c>Filter(p => p.IsActive)</c> in a registration makes the built-in kinds.
/// </summary>
public abstract class ListFilter<T> where T : class
{
    public abstract string Title { get; }

    /// <summary>The query-string parameter this filter reads.</summary>
    public abstract string ParameterName { get; }

    /// <summary>Every parameter the filter may read (the lookup whitelist).</summary>
    public virtual IReadOnlyList<string> ParameterNames => [ParameterName];

    internal abstract Task<IReadOnlyList<FilterChoice>> GetChoicesAsync(AdminRequestContext context, CancellationToken cancellationToken);

    /// <summary>Narrows the query for the given parameter values, or returns null when a value is not valid.</summary>
    internal abstract IQueryable<T>? Apply(IQueryable<T> query, IReadOnlyDictionary<string, string> values, AdminRequestContext context);
}

/// <summary>A custom filter: a title, a parameter, fixed choices and the query for each.</summary>
public abstract class SimpleListFilter<T> : ListFilter<T> where T : class
{
    /// <summary>The choices besides "All": value in the query string, label shown.</summary>
    public abstract IReadOnlyList<(string Value, string Label)> Lookups();

    /// <summary>Narrows the query to the rows of one choice (already checked to be one of <see cref="Lookups"/>).</summary>
    public abstract IQueryable<T> Filter(IQueryable<T> query, string value);

    internal sealed override Task<IReadOnlyList<FilterChoice>> GetChoicesAsync(AdminRequestContext context, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<FilterChoice>>(Lookups().Select(l => new FilterChoice(l.Label, ParameterName, l.Value)).ToList());

    internal sealed override IQueryable<T>? Apply(IQueryable<T> query, IReadOnlyDictionary<string, string> values, AdminRequestContext context)
    {
        if (!values.TryGetValue(ParameterName, out var value)) return query;
        return Lookups().Any(l => l.Value == value) ? Filter(query, value) : null;
    }
}

/// <summary>The built-in filters on a property or reference: boolean, enum, foreign key or date presets.</summary>
internal sealed class PropertyListFilter<T>(Expression<Func<T, object?>> path, string? title) : ListFilter<T> where T : class
{
    internal const string IsNullSuffix = "__isnull";

    // Django's lookups for a range of dates, from (inclusive) and to (exclusive): CreatedAt__gte=2025-01-01.
    internal const string FromSuffix = "__gte";
    internal const string ToSuffix = "__lt";

    public Expression<Func<T, object?>> Path { get; } = path;

    // Bound to the EF model by the start-up checks.
    internal Metadata.ModelPath? Resolved { get; set; }
    internal PropertyFilterKind Kind { get; set; }

    /// <summary>
    /// A foreign key in the registration's AutocompleteFields: its related rows are listed as links while there are at most
    /// <see cref="MaxListedRelated"/>, and chosen by typing beyond that, so a big related table is never loaded.
    /// </summary>
    internal bool UsesAutocomplete { get; set; }

    internal const int MaxListedRelated = 100;

    public override string Title => title ?? Resolved?.DisplayName ?? Path.ToString();

    public override string ParameterName => Resolved?.ParameterName ?? "";

    private string NullParameterName => ParameterName + IsNullSuffix;

    private string FromParameterName => ParameterName + FromSuffix;

    private string ToParameterName => ParameterName + ToSuffix;

    public override IReadOnlyList<string> ParameterNames =>
    [
        .. Resolved is null ? [ParameterName] : NamesFor(Resolved),
        .. Kind == PropertyFilterKind.Date ? [FromParameterName, ToParameterName] : Array.Empty<string>(),
    ];

    /// <summary>The parameters a filter on <paramref name="path"/> reads: its own, and <c>__isnull</c> when it can be null.</summary>
    internal static IReadOnlyList<string> NamesFor(Metadata.ModelPath path) =>
        path.IsNullable ? [path.ParameterName, path.ParameterName + IsNullSuffix] : [path.ParameterName];

    /// <summary>The from/to date inputs of a date filter, filled with the current range; null for other kinds.</summary>
    internal DateRangeForm? DateRange(ChangeListParameters parameters) => Kind != PropertyFilterKind.Date ? null : new DateRangeForm(
        FromParameterName, parameters.Get(FromParameterName), ToParameterName, parameters.Get(ToParameterName), parameters.BaseUrl,
        parameters.Items.Where(i => !ParameterNames.Contains(i.Key)).ToList());

    internal override async Task<IReadOnlyList<FilterChoice>> GetChoicesAsync(AdminRequestContext context, CancellationToken cancellationToken)
    {
        var path = Resolved!;
        var choices = new List<FilterChoice>();
        switch (Kind)
        {
            case PropertyFilterKind.Boolean:
                choices.Add(new("Yes", ParameterName, "1"));
                choices.Add(new("No", ParameterName, "0"));
                if (path.IsNullable) choices.Add(new("Unknown", NullParameterName, "1"));
                break;
            case PropertyFilterKind.Enum:
                foreach (var value in Enum.GetValues(Nullable.GetUnderlyingType(path.ClrType) ?? path.ClrType))
                    choices.Add(new(Metadata.DisplayNames.ForEnumValue(value), ParameterName, value.ToString()!));
                if (path.IsNullable) choices.Add(new("(None)", NullParameterName, "1"));
                break;
            case PropertyFilterKind.ForeignKey:
                var related = UsesAutocomplete
                    ? await RelatedRows.LoadFirstChoicesAsync(context, path.ForeignKeyTarget!, MaxListedRelated + 1, cancellationToken)
                    : await RelatedRows.LoadChoicesAsync(context, path.ForeignKeyTarget!, cancellationToken);
                // A big related table is chosen by typing (the panel's autocomplete form) instead of one link per row.
                if (!UsesAutocomplete || related.Count <= MaxListedRelated)
                {
                    foreach (var (key, label) in related)
                        choices.Add(new(label, ParameterName, key));
                }
                if (path.IsNullable) choices.Add(new("(None)", NullParameterName, "1"));
                break;
            case PropertyFilterKind.Date:
                foreach (var preset in DatePresets.All)
                    choices.Add(new(preset.Label, ParameterName, preset.Value));
                if (path.IsNullable)
                {
                    choices.Add(new("No date", NullParameterName, "1"));
                    choices.Add(new("Has date", NullParameterName, "0"));
                }
                break;
        }
        return choices;
    }

    internal override IQueryable<T>? Apply(IQueryable<T> query, IReadOnlyDictionary<string, string> values, AdminRequestContext context)
    {
        var path = Resolved!;
        var parameter = Expression.Parameter(typeof(T), "row");
        // A reference filters on its foreign key: row.CategoryId, not row.Category.
        var member = path is { IsReference: true, Navigations.Count: 0, ForeignKeyProperty: { } fk }
            ? Expression.Property(parameter, fk.PropertyInfo!)
            : path.Build(parameter);
        if (values.TryGetValue(NullParameterName, out var isNull) && path.IsNullable)
        {
            if (isNull is not ("1" or "0")) return null;
            var test = Expression.Equal(member, Expression.Constant(null, member.Type));
            query = query.Where(Expression.Lambda<Func<T, bool>>(isNull == "1" ? test : Expression.Not(test), parameter));
        }
        if (Kind == PropertyFilterKind.Date)
        {
            DateTime? from = null, to = null;
            if (values.TryGetValue(ParameterName, out var preset))
            {
                if (DatePresets.Range(preset, DateTime.UtcNow) is not var (presetFrom, presetTo)) return null;
                (from, to) = (presetFrom, presetTo);
            }
            // A range narrows the preset further; a date that does not parse is an invalid filter, never a 500.
            if (values.TryGetValue(FromParameterName, out var fromText))
            {
                if (ParseDate(fromText) is not { } date) return null;
                from = from is { } f && f > date ? f : date;
            }
            if (values.TryGetValue(ToParameterName, out var toText))
            {
                if (ParseDate(toText) is not { } date) return null;
                to = to is { } t && t < date ? t : date;
            }
            return from is null && to is null ? query : query.Where(DateBetween(member, parameter, from, to));
        }
        if (!values.TryGetValue(ParameterName, out var raw)) return query;

        var valueType = Nullable.GetUnderlyingType(member.Type) ?? member.Type;
        object? parsed = Kind switch
        {
            PropertyFilterKind.Boolean => raw switch { "1" => true, "0" => false, _ => null },
            // Only a member's exact name: Enum.TryParse would also take "Paid,Shipped" (their bits combined) or numbers.
            PropertyFilterKind.Enum => Enum.GetNames(valueType).Contains(raw, StringComparer.Ordinal) ? Enum.Parse(valueType, raw) : null,
            _ => Metadata.ValueParsing.TryParseKey(raw, valueType),
        };
        if (parsed is null) return null;
        var equals = Expression.Equal(member, Expression.Convert(QueryParameters.Constant(parsed, valueType), member.Type));
        return query.Where(Expression.Lambda<Func<T, bool>>(equals, parameter));
    }

    /// <summary>from &lt;= row.Date &lt; to (either end open), as range predicates an index on the column serves.</summary>
    private static Expression<Func<T, bool>> DateBetween(Expression member, ParameterExpression parameter, DateTime? from, DateTime? to)
    {
        var nonNullable = Nullable.GetUnderlyingType(member.Type) is not null ? Expression.Property(member, "Value") : member;
        Expression body = Expression.Constant(true);
        if (from is { } start) body = Expression.GreaterThanOrEqual(nonNullable, QueryParameters.Constant(Convert(start, nonNullable.Type)));
        if (to is { } end)
        {
            var before = Expression.LessThan(nonNullable, QueryParameters.Constant(Convert(end, nonNullable.Type)));
            body = from is null ? before : Expression.AndAlso(body, before);
        }
        if (nonNullable != member) body = Expression.AndAlso(Expression.NotEqual(member, Expression.Constant(null, member.Type)), body);
        return Expression.Lambda<Func<T, bool>>(body, parameter);
    }

    /// <summary>A date as the date input sends it (yyyy-MM-dd), as UTC midnight; null when it is not one.</summary>
    private static DateTime? ParseDate(string text) =>
        DateOnly.TryParseExact(text.Trim(), "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.None, out var date)
            ? date.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc)
            : null;

    private static object Convert(DateTime value, Type type) =>
        type == typeof(DateOnly) ? DateOnly.FromDateTime(value)
        : type == typeof(DateTimeOffset) ? (object)new DateTimeOffset(value, TimeSpan.Zero)
        : (object)value;
}

internal enum PropertyFilterKind
{
    Unsupported,
    Boolean,
    Enum,
    ForeignKey,
    Date,
}

/// <summary>Django's date filter presets, as half-open UTC ranges.</summary>
internal static class DatePresets
{
    public static IReadOnlyList<(string Value, string Label)> All { get; } =
    [
        ("today", "Today"),
        ("past-7-days", "Past 7 days"),
        ("this-month", "This month"),
        ("this-year", "This year"),
    ];

    /// <summary>The range for a preset; a null tuple for an unknown value. "any" and "" are not ranges (the caller treats them as no filter).</summary>
    public static (DateTime From, DateTime To)? Range(string value, DateTime nowUtc)
    {
        var today = nowUtc.Date;
        return value switch
        {
            "today" => (today, today.AddDays(1)),
            "past-7-days" => (today.AddDays(-6), today.AddDays(1)),
            "this-month" => (new DateTime(today.Year, today.Month, 1, 0, 0, 0, DateTimeKind.Utc), new DateTime(today.Year, today.Month, 1, 0, 0, 0, DateTimeKind.Utc).AddMonths(1)),
            "this-year" => (new DateTime(today.Year, 1, 1, 0, 0, 0, DateTimeKind.Utc), new DateTime(today.Year + 1, 1, 1, 0, 0, 0, DateTimeKind.Utc)),
            _ => default((DateTime, DateTime)?),
        };
    }
}
