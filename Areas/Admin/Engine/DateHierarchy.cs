using System.Globalization;
using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;
using WebApp.Admin.Metadata;

namespace WebApp.Admin;

/// <summary>One drill-down link above the changelist: a year, a month or a day.</summary>
public sealed record DateHierarchyLink(string Label, string Url);

/// <summary>The drill-down shown above the list: a link back up, the choices one level down, and the day chosen.</summary>
public sealed record DateHierarchyViewModel(DateHierarchyLink? Up, IReadOnlyList<DateHierarchyLink> Choices, string? Current);

/// <summary>
/// Django's date_hierarchy: <c>{Field}__year</c>, <c>{Field}__month</c> and <c>{Field}__day</c> narrow the list to a
/// year, month or day in UTC. Every predicate is a range on the column (<c>&gt;= start AND &lt; end</c>), never a
/// function of it, so an index on the column serves both the list and the choices; each choice is found by one seek.
/// </summary>
internal sealed class DateHierarchy<T>(ModelPath path) where T : class
{
    private const int MaxYears = 100;

    public string YearParameter => path.ParameterName + "__year";
    public string MonthParameter => path.ParameterName + "__month";
    public string DayParameter => path.ParameterName + "__day";
    public IReadOnlyList<string> ParameterNames => [YearParameter, MonthParameter, DayParameter];

    /// <summary>The selected year, month and day; null when a value is not a date (or a month without its year).</summary>
    public Selection? Parse(IReadOnlyDictionary<string, string> values)
    {
        int? Read(string name, int max) =>
            values.TryGetValue(name, out var text) ? int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n >= 1 && n <= max ? n : -1 : null;
        var (year, month, day) = (Read(YearParameter, 9998), Read(MonthParameter, 12), Read(DayParameter, 31));
        if (year == -1 || month == -1 || day == -1) return null;
        if (month is not null && year is null || day is not null && month is null) return null;
        if (day is not null && day > DateTime.DaysInMonth(year!.Value, month!.Value)) return null;
        return new Selection(year, month, day);
    }

    public IQueryable<T> Apply(IQueryable<T> query, Selection selection) =>
        selection.Range is { } range ? query.Where(Within(range.Start, range.End)) : query;

    /// <param name="all">The rows before filters and search: one of them carries the query for the first and last dates.</param>
    /// <param name="compileFor">The context to run the list's first query on as a compiled query, when the registration
    /// allows it (<see cref="CompiledQueries"/>); null to run it as LINQ.</param>
    public async Task<DateHierarchyViewModel> BuildAsync(
        IQueryable<T> all, IQueryable<T> filtered, Selection selection, ChangeListParameters parameters, DbContext? compileFor, CancellationToken cancellationToken)
    {
        var culture = CultureInfo.CurrentCulture;
        string Url(int? year, int? month, int? day) => parameters.Url(
            (YearParameter, year?.ToString(CultureInfo.InvariantCulture)),
            (MonthParameter, month?.ToString(CultureInfo.InvariantCulture)),
            (DayParameter, day?.ToString(CultureInfo.InvariantCulture)));

        if (selection is { Year: int dayYear, Month: int dayMonth, Day: int day })
        {
            var date = new DateTime(dayYear, dayMonth, day);
            return new DateHierarchyViewModel(new("‹ " + date.ToString("Y", culture), Url(dayYear, dayMonth, null)), [], date.ToString("D", culture));
        }

        if (selection is { Year: int year, Month: int month })
        {
            var start = Utc(year, month, 1);
            var days = await PeriodsAsync(all, filtered, start, start.AddMonths(1), v => Utc(v.Year, v.Month, v.Day), d => d.AddDays(1), null, cancellationToken);
            return new DateHierarchyViewModel(new("‹ " + year.ToString(CultureInfo.InvariantCulture), Url(year, null, null)),
                days.Select(d => new DateHierarchyLink(d.ToString("M", culture), Url(year, month, d.Day))).ToList(), null);
        }
        if (selection.Year is int onlyYear)
        {
            var months = await PeriodsAsync(all, filtered, Utc(onlyYear, 1, 1), Utc(onlyYear + 1, 1, 1), v => Utc(v.Year, v.Month, 1), m => m.AddMonths(1), null, cancellationToken);
            return new DateHierarchyViewModel(new("‹ All dates", Url(null, null, null)),
                months.Select(m => new DateHierarchyLink(m.ToString("Y", culture), Url(onlyYear, m.Month, null))).ToList(), null);
        }
        // The years of the whole list (no filter or search) are the list as it first opens: their range is a compiled query.
        var years = await PeriodsAsync(all, filtered, null, null, v => Utc(v.Year, 1, 1), y => y.Year < 9999 ? y.AddYears(1) : null,
            ReferenceEquals(all, filtered) ? compileFor : null, cancellationToken);
        return new DateHierarchyViewModel(null, years.Select(y => new DateHierarchyLink(
            y.Year.ToString(CultureInfo.InvariantCulture), Url(y.Year, null, null))).ToList(), null);
    }

    /// <summary>
    /// The years, months or days in [start, end) that hold a row, at most <see cref="MaxYears"/>: the first and last
    /// values, then the first value from each next period on until the last. Each is one index seek, so the queries
    /// are as many as the periods found, not one per period of the range.
    /// </summary>
    private async Task<List<DateTime>> PeriodsAsync(IQueryable<T> all, IQueryable<T> filtered, DateTime? start, DateTime? end,
        Func<DateTime, DateTime> periodOf, Func<DateTime, DateTime?> next, DbContext? compileFor, CancellationToken cancellationToken)
    {
        var periods = new List<DateTime>();
        var inRange = start is null && end is null ? filtered : filtered.Where(Within(start, end));
        var bounds = compileFor is null
            ? await Bounds(all, inRange).FirstOrDefaultAsync(cancellationToken)
            : await CompiledQueries.Get(compileFor, this, "bounds",
                () => CompiledQueries.Value<DateBounds, DateBounds?>(Bounds(all, inRange), nameof(Queryable.FirstOrDefault)))(compileFor, cancellationToken);
        if (bounds is not { First: { } first, Last: { } lastValue }) return periods;
        var last = periodOf(lastValue);
        var period = periodOf(first);
        periods.Add(period);
        while (period != last && periods.Count < MaxYears)
        {
            if (next(period) is not { } from || from >= end) break;
            if (await filtered.Where(Within(from, end)).Select(AsNullable()).MinAsync(cancellationToken) is not { } value) break;
            period = periodOf(value);
            periods.Add(period);
        }
        return periods;
    }

    /// <summary>
    /// The first and the last value in one query: when both fall in one period (a list of one year, say), that is the
    /// only query, and otherwise the last period needs no query of its own. Any one row of the table carries the two
    /// subqueries (a row of the filtered list would run its filters, a search say, a third time).
    /// </summary>
    private IQueryable<DateBounds> Bounds(IQueryable<T> all, IQueryable<T> inRange)
    {
        var values = inRange.Select(AsNullable()).Expression;
        Expression Aggregate(string name) => Expression.Call(typeof(Queryable), name, [typeof(DateTime?)], values);
        var row = Expression.Parameter(typeof(T), "_");
        var bounds = Expression.New(typeof(DateBounds).GetConstructor([typeof(DateTime?), typeof(DateTime?)])!, Aggregate(nameof(Queryable.Min)), Aggregate(nameof(Queryable.Max)));
        return all.Take(1).Select(Expression.Lambda<Func<T, DateBounds>>(bounds, row));
    }

    private sealed record DateBounds(DateTime? First, DateTime? Last);

    /// <summary>start &lt;= row.Date &lt; end, either end open (not both).</summary>
    private Expression<Func<T, bool>> Within(DateTime? start, DateTime? end)
    {
        var row = Expression.Parameter(typeof(T), "row");
        var column = path.Build(row);
        Expression Bound(DateTime value) => Expression.Convert(QueryParameters.Constant(value, typeof(DateTime)), column.Type);
        var from = start is { } s ? Expression.GreaterThanOrEqual(column, Bound(s)) : null;
        var to = end is { } e ? Expression.LessThan(column, Bound(e)) : null;
        return Expression.Lambda<Func<T, bool>>(from is null ? to! : to is null ? from : Expression.AndAlso(from, to), row);
    }

    private Expression<Func<T, DateTime?>> AsNullable()
    {
        var row = Expression.Parameter(typeof(T), "row");
        var column = path.Build(row);
        return Expression.Lambda<Func<T, DateTime?>>(column.Type == typeof(DateTime?) ? column : Expression.Convert(column, typeof(DateTime?)), row);
    }

    private static DateTime Utc(int year, int month, int day) => new(year, month, day, 0, 0, 0, DateTimeKind.Utc);

    /// <summary>What the query string selects: nothing, a year, a month of a year, or a day.</summary>
    public sealed record Selection(int? Year, int? Month, int? Day)
    {
        public bool IsEmpty => Year is null;

        public (DateTime Start, DateTime End)? Range => this switch
        {
            { Year: int y, Month: int m, Day: int d } => (Utc(y, m, d), Utc(y, m, d).AddDays(1)),
            { Year: int y, Month: int m } => (Utc(y, m, 1), Utc(y, m, 1).AddMonths(1)),
            { Year: int y } => (Utc(y, 1, 1), Utc(y, 1, 1).AddYears(1)),
            _ => null,
        };
    }
}
