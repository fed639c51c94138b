using System.Linq.Expressions;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore.Metadata;
using WebApp.Admin.Metadata;

namespace WebApp.Admin;

/// <summary>Django's admin checks: a broken registration stops the app at start-up with the model, the option and an id.</summary>
internal static partial class AdminChecks
{
    /// <summary>Query-string parameters of the changelist itself; filters may not use them.</summary>
    public static readonly IReadOnlySet<string> ReservedParameters = new HashSet<string>(StringComparer.Ordinal) { "q", "o", "p", "all", "e", ChangeListParameters.FullCount, ChangeListParameters.Seek };

    public static IEnumerable<AdminCheckError> Run(IReadOnlyList<ModelAdmin> registrations, IModel model)
    {
        foreach (var registration in registrations)
        {
            if (!AppLabelPattern().IsMatch(registration.AppLabel))
                yield return new("admin.E903", Name(registration), "AppLabel",
                    $"'{registration.AppLabel}' must be lower-case letters, digits and underscores, starting with a letter.");
        }
        foreach (var duplicate in registrations.GroupBy(r => r.ModelType).Where(g => g.Count() > 1))
        {
            yield return new("admin.E902", string.Join(", ", duplicate.Select(Name)), "registration",
                $"{duplicate.Key.Name} is registered more than once.");
        }
        foreach (var registration in registrations)
        {
            foreach (var error in registration.Check(model, registrations)) yield return error;
        }
    }

    public static string Name(ModelAdmin registration) => $"{registration.GetType().Name} ({registration.Label})";

    [GeneratedRegex("^[a-z][a-z0-9_]*$")]
    private static partial Regex AppLabelPattern();
}

/// <summary>
/// The checks of one registration. Checking an option means resolving it against the EF model, so the same pass yields
/// the runtime model; <see cref="Check"/> keeps only the errors and changes nothing, <see cref="Build"/> (the registry,
/// once every check passed) keeps the resolved model and binds the filters and inlines to theirs.
/// </summary>
internal sealed class ModelAdminChecks<T>(ModelAdmin<T> admin, IModel model, IReadOnlyList<ModelAdmin> registrations) where T : class
{
    private readonly List<AdminCheckError> _errors = [];
    private ResolvedModelAdmin<T>? _result;

    /// <summary>Every problem of the registration; nothing is kept or changed.</summary>
    public static IReadOnlyList<AdminCheckError> Check(ModelAdmin<T> admin, IModel model, IReadOnlyList<ModelAdmin> registrations) =>
        new ModelAdminChecks<T>(admin, model, registrations).Run();

    /// <summary>The registration bound to the EF model; only for a registration that passed <see cref="Check"/>.</summary>
    public static ResolvedModelAdmin<T> Build(ModelAdmin<T> admin, IModel model, IReadOnlyList<ModelAdmin> registrations)
    {
        var checks = new ModelAdminChecks<T>(admin, model, registrations);
        if (checks.Run() is { Count: > 0 } errors) throw new AdminConfigurationException(errors);
        var resolved = checks._result!;
        foreach (var filter in resolved.PropertyFilters) filter.Bind();
        foreach (var inline in admin.Inlines) inline.Build(resolved.EntityType, admin);
        return resolved;
    }

    private List<AdminCheckError> Run()
    {
        var entityType = model.FindEntityType(typeof(T));
        var key = entityType?.FindPrimaryKey();
        if (entityType is null || key is null || key.Properties.Count != 1)
        {
            Error("admin.E901", "model", entityType is null
                ? $"{typeof(T).Name} is not an entity of the database model."
                : $"{typeof(T).Name} needs a single-column primary key.");
            return _errors;
        }
        if (admin.ListPerPage < 1) Error("admin.E118", nameof(admin.ListPerPage), "must be at least 1.");
        if (admin.ListMaxShowAll < 0) Error("admin.E119", nameof(admin.ListMaxShowAll), "cannot be negative.");

        var resolved = new ResolvedModelAdmin<T>(admin, entityType, key.Properties[0]);
        CheckSecrets(entityType);
        CheckListDisplay(entityType, resolved);
        CheckFilters(entityType, resolved);
        CheckDateHierarchy(entityType, resolved);
        CheckSearch(entityType, resolved);
        CheckOrdering(entityType, resolved);
        CheckForm(entityType, resolved);
        CheckAutocomplete(entityType, resolved);
        CheckActions();
        _errors.AddRange(new ChangeFormChecks<T>(admin, entityType).Run(resolved));
        if (_errors.Count == 0) _result = resolved;
        return _errors;
    }

    private void CheckDateHierarchy(IEntityType entityType, ResolvedModelAdmin<T> resolved)
    {
        if (admin.DateHierarchy is null) return;
        const string option = nameof(admin.DateHierarchy);
        var path = ModelPath.TryResolve(entityType, admin.DateHierarchy, out var error);
        if (path is null)
            Error("admin.E127", option, $"{error}.");
        else if ((Nullable.GetUnderlyingType(path.ClrType) ?? path.ClrType) != typeof(DateTime))
            Error("admin.E128", option, $"'{path.Name}' ({path.ClrType.Name}) is not a DateTime property.");
        else
            resolved.DateHierarchy = new DateHierarchy<T>(path);
    }

    private void CheckSecrets(IEntityType entityType)
    {
        foreach (var secret in admin.SecretFields)
        {
            if (entityType.FindProperty(secret) is null)
                Error("admin.E904", nameof(admin.SecretFields), $"'{secret}' is not a property of {typeof(T).Name}.");
        }
    }

    private void CheckListDisplay(IEntityType entityType, ResolvedModelAdmin<T> resolved)
    {
        var display = admin.ListDisplay.Count > 0
            ? admin.ListDisplay
            : [new ListColumn<T>(DefaultColumn(), DisplayNames.Capitalize(admin.DisplayName), sortKey: null, isComputed: true, rendersBoolean: false)];
        for (var i = 0; i < display.Count; i++)
        {
            var column = display[i];
            var option = $"{nameof(admin.ListDisplay)}[{i}]";
            if (column.IsComputed)
            {
                resolved.Columns.Add(new ResolvedColumn(column.Header!, column.Value, column.SortKey, Path: null, column.RendersBoolean));
                continue;
            }
            var path = ModelPath.TryResolve(entityType, column.Value, out var error);
            if (path is null)
            {
                Error("admin.E108", option, $"{error}. Use a property path such as 'p => p.Name', or Computed(...) for anything else.");
                continue;
            }
            if (path.IsCollection)
            {
                Error("admin.E109", option, $"'{path.Name}' is a collection; a column shows one value per row.");
                continue;
            }
            var sortKey = path.IsProperty ? path.ToLambda() : null;
            resolved.Columns.Add(new ResolvedColumn(column.Header ?? path.DisplayName, path.ToLambda(), sortKey, path,
                Nullable.GetUnderlyingType(path.ClrType) == typeof(bool) || path.ClrType == typeof(bool)));
        }

        foreach (var (link, i) in admin.ListDisplayLinks.Select((l, i) => (l, i)))
        {
            var names = ModelPath.MemberNames(link);
            var index = resolved.Columns.FindIndex(c => c.Path is not null && names is not null && c.Path.Name == string.Join(".", names));
            if (index < 0)
                Error("admin.E111", $"{nameof(admin.ListDisplayLinks)}[{i}]", $"'{link}' is not a column of ListDisplay.");
            else
                resolved.LinkColumns.Add(index);
        }
        if (resolved.LinkColumns.Count == 0 && resolved.Columns.Count > 0) resolved.LinkColumns.Add(0);

        foreach (var (editable, i) in admin.ListEditable.Select((e, i) => (e, i)))
        {
            var option = $"{nameof(admin.ListEditable)}[{i}]";
            var names = ModelPath.MemberNames(editable);
            var index = resolved.Columns.FindIndex(c => c.Path is not null && names is not null && c.Path.Name == string.Join(".", names));
            if (index < 0)
            {
                // Django: E121 names no field at all, E122 a field that is not in list_display.
                var exists = ModelPath.TryResolve(entityType, editable, out _) is not null;
                Error(exists ? "admin.E122" : "admin.E121", option, $"'{editable}' is not a column of ListDisplay.");
                continue;
            }
            var path = resolved.Columns[index].Path!;
            if (path is not { IsProperty: true, Navigations.Count: 0 } || path.Target is IProperty { IsConcurrencyToken: true } || ((IProperty)path.Target).IsPrimaryKey()
                || admin.ReadonlyFields.Any(r => ModelPath.MemberNames(r) is { } readOnly && string.Join(".", readOnly) == path.Name))
            {
                Error("admin.E125", option, $"'{path.Name}' is not an editable property of {typeof(T).Name}.");
                continue;
            }
            if (resolved.LinkColumns.Contains(index))
            {
                // Django: E123 when list_display_links names it, E124 when it is the default link (the first column).
                Error(admin.ListDisplayLinks.Count > 0 ? "admin.E123" : "admin.E124", option, $"'{path.Name}' is also the link to the change page; link another column with ListDisplayLinks.");
                continue;
            }
            resolved.EditableColumns[index] = path;
        }
    }

    private static Expression<Func<T, object?>> DefaultColumn()
    {
        // Django's default column is the object's string: str(obj).
        var parameter = Expression.Parameter(typeof(T), "row");
        return Expression.Lambda<Func<T, object?>>(parameter, parameter);
    }

    private void CheckFilters(IEntityType entityType, ResolvedModelAdmin<T> resolved)
    {
        var parameters = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < admin.ListFilter.Count; i++)
        {
            var filter = admin.ListFilter[i];
            var option = $"{nameof(admin.ListFilter)}[{i}]";
            var names = filter.ParameterNames;
            if (filter is PropertyListFilter<T> property)
            {
                var path = ModelPath.TryResolve(entityType, property.Path, out var error);
                if (path is null)
                {
                    Error("admin.E116", option, $"{error}.");
                    continue;
                }
                var kind = KindOf(path);
                if (kind == PropertyFilterKind.Unsupported)
                {
                    Error("admin.E910", option, $"'{path.Name}' ({path.ClrType.Name}) cannot be filtered: use a boolean, enum, date or relation, or a SimpleListFilter subclass.");
                    continue;
                }
                resolved.PropertyFilters.Add(new ResolvedPropertyFilter<T>(property, path, kind));
                names = PropertyListFilter<T>.NamesFor(path);
            }
            if (string.IsNullOrWhiteSpace(names.FirstOrDefault()))
            {
                Error("admin.E908", option, "the filter needs a parameter name.");
                continue;
            }
            foreach (var parameter in names)
            {
                if (AdminChecks.ReservedParameters.Contains(parameter) || parameter.StartsWith('_'))
                    Error("admin.E909", option, $"the parameter '{parameter}' is reserved by the changelist.");
                else if (!parameters.Add(parameter))
                    Error("admin.E909", option, $"the parameter '{parameter}' is used by another filter.");
            }
        }
    }

    private static PropertyFilterKind KindOf(ModelPath path)
    {
        if (path.IsReference || path.ForeignKeyTarget is not null) return PropertyFilterKind.ForeignKey;
        if (!path.IsProperty) return PropertyFilterKind.Unsupported;
        var type = Nullable.GetUnderlyingType(path.ClrType) ?? path.ClrType;
        if (type == typeof(bool)) return PropertyFilterKind.Boolean;
        if (type.IsEnum) return PropertyFilterKind.Enum;
        if (type == typeof(DateTime) || type == typeof(DateOnly) || type == typeof(DateTimeOffset)) return PropertyFilterKind.Date;
        return PropertyFilterKind.Unsupported;
    }

    private void CheckSearch(IEntityType entityType, ResolvedModelAdmin<T> resolved)
    {
        for (var i = 0; i < admin.SearchFields.Count; i++)
        {
            var field = admin.SearchFields[i];
            var option = $"{nameof(admin.SearchFields)}[{i}]";
            var mode = field.StartsWith('^') ? SearchMode.StartsWith : field.StartsWith('=') ? SearchMode.Exact : SearchMode.Contains;
            var name = mode == SearchMode.Contains ? field : field[1..];
            var path = ModelPath.TryResolve(entityType, name, out var error);
            if (path is null)
                Error("admin.E911", option, $"'{field}': {error}.");
            else if (!path.IsProperty || path.ClrType != typeof(string))
                Error("admin.E912", option, $"'{field}' is not a text property; search compares text.");
            else
                resolved.SearchFields.Add((path, mode));
        }
    }

    private void CheckOrdering(IEntityType entityType, ResolvedModelAdmin<T> resolved)
    {
        for (var i = 0; i < admin.Ordering.Count; i++)
        {
            var field = admin.Ordering[i];
            var option = $"{nameof(admin.Ordering)}[{i}]";
            var descending = field.StartsWith('-');
            var path = ModelPath.TryResolve(entityType, descending ? field[1..] : field, out var error);
            if (path is null)
                Error("admin.E033", option, $"'{field}': {error}.");
            else if (!path.IsProperty)
                Error("admin.E913", option, $"'{field}' is a relation, which has no order; order by one of its properties (e.g. '{path.Name}.Name').");
            else
                resolved.Ordering.Add(new SortKey(path.ToLambda(), descending, path.Name) { IsNullable = path.IsNullable });
        }
    }

    private void CheckForm(IEntityType entityType, ResolvedModelAdmin<T> resolved)
    {
        if (admin.Fields.Count > 0 && admin.Fieldsets.Count > 0)
            Error("admin.E005", nameof(admin.Fieldsets), "set Fields or Fieldsets, not both.");

        var readOnly = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (field, i) in admin.ReadonlyFields.Select((f, i) => (f, i)))
        {
            if (ResolveFormPath(entityType, field, $"{nameof(admin.ReadonlyFields)}[{i}]", "admin.E035", allowRelated: true) is { } path)
            {
                readOnly.Add(path.Name);
                resolved.ReadonlyPaths[path.Name] = path;
            }
        }
        var excluded = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (field, i) in admin.Exclude.Select((f, i) => (f, i)))
        {
            if (ResolveFormPath(entityType, field, $"{nameof(admin.Exclude)}[{i}]", "admin.E907", allowRelated: false) is { } path)
                excluded.Add(path.Name);
        }

        var groups = new List<(Fieldset<T>? Set, IReadOnlyList<Expression<Func<T, object?>>>? Fields)>();
        if (admin.Fieldsets.Count > 0) groups.AddRange(admin.Fieldsets.Select(s => ((Fieldset<T>?)s, (IReadOnlyList<Expression<Func<T, object?>>>?)s.Fields)));
        else if (admin.Fields.Count > 0) groups.Add((null, admin.Fields));
        else groups.Add((null, null));
        ResolveFieldsets(entityType, resolved, groups, nameof(admin.Fieldsets), readOnly, excluded, resolved.Fieldsets);
        if (admin.AddFieldsets.Count > 0)
        {
            ResolveFieldsets(entityType, resolved, admin.AddFieldsets.Select(s => ((Fieldset<T>?)s, (IReadOnlyList<Expression<Func<T, object?>>>?)s.Fields)).ToList(),
                nameof(admin.AddFieldsets), readOnly, excluded, resolved.AddFieldsets);
        }
    }

    private void ResolveFieldsets(IEntityType entityType, ResolvedModelAdmin<T> resolved,
        List<(Fieldset<T>? Set, IReadOnlyList<Expression<Func<T, object?>>>? Fields)> groups, string optionName,
        HashSet<string> readOnly, HashSet<string> excluded, List<ResolvedFieldset> target)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (set, fields) in groups)
        {
            var group = new ResolvedFieldset(set?.Title, set?.Description, set?.Collapsed ?? false) { ExtraFields = set?.Extra ?? [] };
            var option = set is null ? nameof(admin.Fields) : $"{optionName}[{groups.FindIndex(g => g.Set == set)}]";
            // Each entry is one row: a field, or several side by side as an anonymous object (p => new { p.City, p.PostalCode }).
            var paths = fields is null
                ? DefaultFormPaths(entityType, excluded).Concat(resolved.ReadonlyPaths.Values.Where(p => !DefaultFormPaths(entityType, excluded).Any(d => d.Name == p.Name)))
                    .Select((p, row) => ((ModelPath?)p, row)).ToList()
                : fields.SelectMany((f, row) => RowFields(f).Select(field => (ResolveFormPath(entityType, field, $"{option}.Fields[{row}]", "admin.E905", allowRelated: true), row))).ToList();
            foreach (var (path, row) in paths)
            {
                if (path is null) continue;
                if (!seen.Add(path.Name))
                {
                    Error(set is null ? "admin.E006" : "admin.E012", option, $"'{path.Name}' appears more than once in the form.");
                    continue;
                }
                var isReadOnly = readOnly.Contains(path.Name) || path.Navigations.Count > 0 || path.Target is IProperty { IsConcurrencyToken: true };
                group.Fields.Add(new ResolvedFormField(path, isReadOnly) { Row = row });
            }
            foreach (var extra in group.ExtraFields.Where(e => !seen.Add(e.Name)))
                Error("admin.E012", option, $"'{extra.Name}' appears more than once in the form.");
            target.Add(group);
        }
    }

    /// <summary>The fields of one form row: the lambda itself, or one lambda per member of an anonymous object.</summary>
    private static IEnumerable<Expression<Func<T, object?>>> RowFields(Expression<Func<T, object?>> row)
    {
        var body = row.Body is UnaryExpression { NodeType: ExpressionType.Convert } convert ? convert.Operand : row.Body;
        if (body is NewExpression { Members: not null, Arguments.Count: > 0 } group)
        {
            foreach (var element in group.Arguments)
                yield return Expression.Lambda<Func<T, object?>>(Expression.Convert(element, typeof(object)), row.Parameters);
            yield break;
        }
        yield return row;
    }

    /// <summary>Every property a person would edit, in class order: no generated keys, tokens or shadow columns.</summary>
    private static IEnumerable<ModelPath> DefaultFormPaths(IEntityType entityType, HashSet<string> excluded)
    {
        foreach (var info in typeof(T).GetProperties())
        {
            if (excluded.Contains(info.Name)) continue;
            if (entityType.FindProperty(info.Name) is { } property)
            {
                if (property.IsPrimaryKey() && property.ValueGenerated != ValueGenerated.Never) continue;
                if (property.IsConcurrencyToken) continue;
                yield return ModelPath.TryResolve(entityType, [info.Name], out _)!;
            }
            else if (entityType.FindSkipNavigation(info.Name) is not null)
            {
                yield return ModelPath.TryResolve(entityType, [info.Name], out _)!;
            }
        }
    }

    private ModelPath? ResolveFormPath(IEntityType entityType, Expression<Func<T, object?>> field, string option, string id, bool allowRelated)
    {
        var path = ModelPath.TryResolve(entityType, field, out var error);
        if (path is null)
        {
            Error(id, option, $"{error}.");
            return null;
        }
        if (path.Navigations.Count > 0 && !allowRelated)
        {
            Error(id, option, $"'{path.Name}' belongs to another model.");
            return null;
        }
        // A reference stands for its foreign key: p => p.Category is the CategoryId select.
        if (path.IsReference && path.Navigations.Count == 0)
        {
            if (path.ForeignKeyProperty is not { } fk)
            {
                Error("admin.E906", option, $"'{path.Name}' is not a foreign key of {typeof(T).Name}.");
                return null;
            }
            return ModelPath.TryResolve(entityType, [fk.Name], out _);
        }
        if (path.Target is INavigation { IsCollection: true })
        {
            Error("admin.E906", option, $"'{path.Name}' is a one-to-many collection; edit it from the other side.");
            return null;
        }
        return path;
    }

    /// <summary>Each autocomplete field is a foreign key to a registered model that can be searched (Django's E037 to E040).</summary>
    private void CheckAutocomplete(IEntityType entityType, ResolvedModelAdmin<T> resolved)
    {
        for (var i = 0; i < admin.AutocompleteFields.Count; i++)
        {
            var option = $"{nameof(admin.AutocompleteFields)}[{i}]";
            var path = ModelPath.TryResolve(entityType, admin.AutocompleteFields[i], out var error);
            if (path is null || path.Navigations.Count > 0)
            {
                Error("admin.E037", option, path is null ? $"{error}." : $"'{path.Name}' is not a field of {typeof(T).Name}.");
                continue;
            }
            if (path.ForeignKeyProperty is not { } foreignKey || path.ForeignKeyTarget is not { } target)
            {
                Error("admin.E038", option, $"'{path.Name}' must be a foreign key.");
                continue;
            }
            var targetAdmin = registrations.FirstOrDefault(r => r.ModelType == target.ClrType);
            if (targetAdmin is null)
            {
                Error("admin.E039", option, $"an admin for {target.ClrType.Name} has to be registered to be referenced by AutocompleteFields.");
                continue;
            }
            if (targetAdmin.SearchFields.Count == 0)
            {
                Error("admin.E040", option, $"{targetAdmin.GetType().Name} must define SearchFields, because it is referenced by {admin.GetType().Name}.AutocompleteFields.");
                continue;
            }
            // The form field is the foreign key (CategoryId); Django's scripts name the relation (Category): both work.
            resolved.Autocomplete[foreignKey.Name] = target.ClrType;
            foreach (var filter in resolved.PropertyFilters.Where(f => f.Kind == PropertyFilterKind.ForeignKey && f.Path.ParameterName == foreignKey.Name))
                filter.UsesAutocomplete = true;
            foreach (var navigation in foreignKey.GetContainingForeignKeys().Select(k => k.DependentToPrincipal).OfType<INavigation>())
                resolved.Autocomplete[navigation.Name] = target.ClrType;
        }
    }

    private void CheckActions()
    {
        var names = new HashSet<string>(StringComparer.Ordinal) { ModelAdminEngine.DeleteSelectedAction, ModelAdminEngine.EditSelectedAction };
        for (var i = 0; i < admin.Actions.Count; i++)
        {
            var action = admin.Actions[i];
            if (string.IsNullOrWhiteSpace(action.Name) || !names.Add(action.Name))
                Error("admin.E130", $"{nameof(admin.Actions)}[{i}]", $"the action name '{action.Name}' is empty or already used.");
        }
    }

    private void Error(string id, string option, string message) => _errors.Add(new AdminCheckError(id, AdminChecks.Name(admin), option, message));
}

internal enum SearchMode
{
    Contains,
    StartsWith,
    Exact,
}

internal sealed record SortKey(LambdaExpression Key, bool Descending, string Name)
{
    /// <summary>Whether the key may be null; keyset paging seeks only on keys that never are.</summary>
    public bool IsNullable { get; init; } = true;
}

/// <param name="Value">row => value, translated by EF into the projection.</param>
/// <param name="SortKey">row => key, or null when the column cannot be sorted.</param>
internal sealed record ResolvedColumn(string Header, LambdaExpression Value, LambdaExpression? SortKey, ModelPath? Path, bool IsBoolean);

internal sealed record ResolvedFormField(ModelPath Path, bool IsReadOnly)
{
    public string Name => Path.Name;

    /// <summary>Fields with the same row index in a fieldset sit side by side.</summary>
    public int Row { get; init; }
}

internal sealed record ResolvedFieldset(string? Title, string? Description, bool Collapsed)
{
    public List<ResolvedFormField> Fields { get; } = [];

    /// <summary>The registration's fields that are not model properties, after <see cref="Fields"/>.</summary>
    public IReadOnlyList<ExtraField> ExtraFields { get; init; } = [];
}

/// <summary>A registration with every expression and path bound to the EF model.</summary>
internal sealed class ResolvedModelAdmin<T>(ModelAdmin<T> admin, IEntityType entityType, IProperty key) where T : class
{
    public ModelAdmin<T> Admin { get; } = admin;
    public IEntityType EntityType { get; } = entityType;
    public IProperty Key { get; } = key;
    public List<ResolvedColumn> Columns { get; } = [];
    public List<int> LinkColumns { get; } = [];
    public Dictionary<int, ModelPath> EditableColumns { get; } = [];
    public List<(ModelPath Path, SearchMode Mode)> SearchFields { get; } = [];
    public List<SortKey> Ordering { get; } = [];
    public List<ResolvedFieldset> Fieldsets { get; } = [];

    /// <summary>The add form's fieldsets when the registration declares them (Django's add_fieldsets); empty otherwise.</summary>
    public List<ResolvedFieldset> AddFieldsets { get; } = [];
    public Dictionary<string, ModelPath> ReadonlyPaths { get; } = new(StringComparer.Ordinal);
    public DateHierarchy<T>? DateHierarchy { get; set; }

    /// <summary>The built-in filters with their paths, bound to them once the checks pass.</summary>
    public List<ResolvedPropertyFilter<T>> PropertyFilters { get; } = [];

    /// <summary>Autocomplete fields by foreign-key and navigation name → the related model's type.</summary>
    public Dictionary<string, Type> Autocomplete { get; } = new(StringComparer.Ordinal);

    /// <summary>The prepopulated fields: each target's name → the names it is filled from.</summary>
    public Dictionary<string, IReadOnlyList<string>> Prepopulated { get; } = new(StringComparer.Ordinal);

    public IEnumerable<ResolvedFormField> FormFields => Fieldsets.Concat(AddFieldsets).SelectMany(f => f.Fields).DistinctBy(f => f.Name);

    public IReadOnlyList<ResolvedFieldset> FieldsetsFor(bool isAdd) => isAdd && AddFieldsets.Count > 0 ? AddFieldsets : Fieldsets;
}

/// <summary>A built-in filter resolved against the EF model: its path, its kind and whether a big related table is typed.</summary>
internal sealed record ResolvedPropertyFilter<T>(PropertyListFilter<T> Filter, ModelPath Path, PropertyFilterKind Kind) where T : class
{
    public bool UsesAutocomplete { get; set; }

    public void Bind()
    {
        Filter.Resolved = Path;
        Filter.Kind = Kind;
        Filter.UsesAutocomplete = UsesAutocomplete;
    }
}
