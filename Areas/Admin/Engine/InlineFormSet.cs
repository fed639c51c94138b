using System.Globalization;
using Microsoft.EntityFrameworkCore;
using WebApp.Admin.Metadata;

namespace WebApp.Admin;

/// <summary>What the change form asks of each of its inlines, whatever the child type.</summary>
internal interface IInlineFormSet<TParent> where TParent : class
{
    InlineFormSetViewModel View { get; }

    /// <summary>The rows as stored (none for a new parent), plus the extra empty rows the user may fill.</summary>
    Task ShowAsync(TParent parent, bool isNew, bool parentReadOnly, CancellationToken cancellationToken);

    /// <summary>
    /// Binds and validates the posted rows against the parent's children; returns a refusal when the POST does what the
    /// user may not (a forged row), in which case nothing may be saved.
    /// </summary>
    /// <param name="copiedFrom">On "Save as new", the object the form was shown for: its rows are copied to the new one.</param>
    Task<AdminRefusal?> BindAsync(TParent parent, bool isNew, TParent? copiedFrom, IFormCollection form, CancellationToken cancellationToken);

    /// <summary>Stages the bound rows on the database context (after the parent) and returns a history record per changed child.</summary>
    IReadOnlyList<HistoryRecord> Stage(TParent parent);

    /// <summary>The row field the database's unique index refused, if it is one of this formset's.</summary>
    FormFieldViewModel? UniqueViolationField(DbUpdateException exception);
}

/// <summary>
/// One inline on one request (Django's BaseInlineFormSet): rows named <c>{prefix}-{i}-{Property}</c> with the key in
/// <c>{prefix}-{i}-Id</c> and <c>{prefix}-{i}-DELETE</c>, counted by the management form <c>{prefix}-TOTAL_FORMS</c>,
/// <c>-INITIAL_FORMS</c>, <c>-MIN_NUM_FORMS</c>, <c>-MAX_NUM_FORMS</c>. The first INITIAL_FORMS rows are stored children,
/// the rest new ones; an untouched new row is ignored.
/// </summary>
internal sealed class InlineFormSet<TParent, TChild>(InlineModelAdmin<TParent, TChild> inline, AdminRequestContext context, string prefix)
    : IInlineFormSet<TParent> where TParent : class where TChild : class
{
    private const string EmptyPrefix = "__prefix__";

    private readonly ResolvedInline<TParent, TChild> _resolved = inline.Resolved;
    private readonly ModelFormFields<TChild> _fields = new(context, inline.Resolved.ChildType, inline.Resolved.Key, ChildName(inline));
    private readonly List<(InlineRowViewModel Row, TChild? Child, bool IsNew)> _bound = [];
    private InlineFormSetViewModel? _view;
    private object? _parentKey;

    public InlineFormSetViewModel View => _view ?? throw new InvalidOperationException("The formset has not been shown or bound.");

    private AdminUser User => context.User;

    private static string ChildName(InlineModelAdmin<TParent, TChild> inline) =>
        inline.VerboseName.Length > 0 ? inline.VerboseName : DisplayNames.Humanize(typeof(TChild).Name).ToLowerInvariant();

    private string ItemName => context.Registry.Find(typeof(TChild))?.DisplayName is { } name && inline.VerboseName.Length == 0 ? name : ChildName(inline);

    private string PluralName => inline.VerboseNamePlural.Length > 0 ? inline.VerboseNamePlural
        : context.Registry.Find(typeof(TChild))?.DisplayNamePlural is { } plural && inline.VerboseName.Length == 0 ? plural : ItemName + "s";

    private (bool View, bool Add, bool Change, bool Delete) Permissions(TParent parent, bool isNew, bool parentReadOnly)
    {
        var subject = isNew ? null : parent;
        // Without change permission on the parent every inline is read-only (Django's rule).
        var editable = !parentReadOnly;
        return (inline.HasViewPermission(User, subject) || inline.HasChangePermission(User, subject),
            editable && inline.HasAddPermission(User, subject),
            editable && inline.HasChangePermission(User, subject),
            editable && inline.CanDelete && inline.HasDeletePermission(User, subject));
    }

    public async Task ShowAsync(TParent parent, bool isNew, bool parentReadOnly, CancellationToken cancellationToken)
    {
        var can = Permissions(parent, isNew, parentReadOnly);
        var rows = new List<InlineRowViewModel>();
        var children = isNew || !can.View ? [] : await ChildrenAsync(parent, tracking: false, cancellationToken);
        foreach (var child in children)
            rows.Add(await RowAsync(child, rows.Count.ToString(CultureInfo.InvariantCulture), readOnly: !can.Change, can.Delete, cancellationToken));
        var empty = can.Add ? await RowAsync(null, EmptyPrefix, readOnly: false, canDelete: false, cancellationToken) : null;
        if (can.Add)
        {
            var extra = Math.Min(inline.Extra, Math.Max(0, inline.MaxNum - rows.Count));
            for (var i = 0; i < extra; i++) rows.Add(await RowAsync(null, rows.Count.ToString(CultureInfo.InvariantCulture), readOnly: false, canDelete: false, cancellationToken));
        }
        _view = NewView(rows, rows.Count, children.Count, empty, can.Delete);
        if (!can.View && !can.Add) _view = NewView([], 0, 0, null, canDelete: false, visible: false);
    }

    private InlineFormSetViewModel NewView(List<InlineRowViewModel> rows, int total, int initial, InlineRowViewModel? empty, bool canDelete, bool visible = true) => new()
    {
        Visible = visible,
        TotalForms = total,
        Prefix = prefix,
        Title = DisplayNames.Capitalize(PluralName),
        ItemName = ItemName,
        IsTabular = inline.IsTabular,
        Rows = rows,
        EmptyRow = empty,
        InitialForms = initial,
        MinNum = inline.MinNum,
        MaxNum = inline.MaxNum,
        ShowDeleteColumn = canDelete,
    };

    private async Task<List<TChild>> ChildrenAsync(TParent parent, bool tracking, CancellationToken cancellationToken)
    {
        var parentKey = _resolved.ParentAdmin.Resolved.Key.PropertyInfo!.GetValue(parent)!;
        IQueryable<TChild> children = context.Db.Set<TChild>();
        if (!tracking) children = children.AsNoTracking();
        children = inline.GetQueryset(children.Where(RelatedRows.KeyIn<TChild>(_resolved.ParentKeyProperty, [parentKey])));
        return await Sorting.Apply(children, [], _resolved.Key).ToListAsync(cancellationToken);
    }

    /// <summary>A row's fields under its prefix; a stored child's values, or a new object's defaults.</summary>
    private async Task<InlineRowViewModel> RowAsync(TChild? child, string index, bool readOnly, bool canDelete, CancellationToken cancellationToken)
    {
        var obj = child ?? inline.CreateNew(User);
        var readOnlyHere = inline.GetReadonlyFields(User, child);
        var rowPrefix = $"{prefix}-{index}";
        var fields = new List<FormFieldViewModel>();
        foreach (var field in _resolved.Fields)
        {
            var view = await _fields.FieldAsync(obj, field.Path, readOnly || field.IsReadOnly || readOnlyHere.Contains(field.Name), cancellationToken,
                name: $"{rowPrefix}-{field.Name}");
            if (!view.ReadOnly) view.Value = _fields.InputValue(obj, field.Path, view);
            if (child is null)
            {
                // An extra row may stay empty (Django's empty_permitted): the browser must not insist on its required fields.
                if (index != EmptyPrefix) view.Required = false;
                // A new object's 0 that the field's own [Range] refuses is no default: the input starts empty.
                if (OutOfRange(view)) view.Value = null;
            }
            fields.Add(view);
        }
        var key = child is null ? null : ValueParsing.FormatKey(_resolved.Key.PropertyInfo!.GetValue(child)!);
        var childAdmin = context.Registry.Find(typeof(TChild));
        return new InlineRowViewModel
        {
            Prefix = rowPrefix,
            Key = key,
            Label = child?.ToString() is { Length: > 0 } text ? text : $"New {ItemName}",
            ChangeUrl = key is not null && inline.ShowChangeLink && childAdmin is not null && childAdmin.HasViewPermission(User)
                ? AdminUrls.Change(childAdmin, key) : null,
            Fields = fields,
            CanDelete = child is not null && canDelete,
        };
    }

    private static bool OutOfRange(FormFieldViewModel view) =>
        decimal.TryParse(view.Value, NumberStyles.Number, CultureInfo.InvariantCulture, out var value)
        && (decimal.TryParse(view.Min, NumberStyles.Number, CultureInfo.InvariantCulture, out var min) && value < min
            || decimal.TryParse(view.Max, NumberStyles.Number, CultureInfo.InvariantCulture, out var max) && value > max);

    public async Task<AdminRefusal?> BindAsync(TParent parent, bool isNew, TParent? copiedFrom, IFormCollection form, CancellationToken cancellationToken)
    {
        var can = Permissions(parent, isNew, parentReadOnly: false);
        // A POST without this formset's management form (a client that never showed it) leaves the rows as they are.
        if (!form.ContainsKey($"{prefix}-TOTAL_FORMS"))
        {
            await ShowAsync(parent, isNew, parentReadOnly: false, cancellationToken);
            return null;
        }
        _parentKey = isNew ? null : _resolved.ParentAdmin.Resolved.Key.PropertyInfo!.GetValue(parent);
        var source = copiedFrom ?? (isNew ? null : parent);
        var stored = source is null ? [] : await ChildrenAsync(source, tracking: copiedFrom is null, cancellationToken);
        var byKey = stored.ToDictionary(c => ValueParsing.FormatKey(_resolved.Key.PropertyInfo!.GetValue(c)!), StringComparer.Ordinal);
        var rows = new List<InlineRowViewModel>();
        var empty = can.Add ? await RowAsync(null, EmptyPrefix, readOnly: false, canDelete: false, cancellationToken) : null;
        if (!TryCount(form, "TOTAL_FORMS", out var total) || !TryCount(form, "INITIAL_FORMS", out var initial)
            || initial > total || initial > stored.Count || total > inline.MaxNum + stored.Count + 1000)
        {
            _view = NewView(rows, 0, 0, empty, can.Delete);
            _view.NonFormErrors.Add("ManagementForm data is missing or has been tampered with.");
            return null;
        }
        _view = NewView(rows, total, initial, empty, can.Delete);

        var kept = 0;
        for (var i = 0; i < total; i++)
        {
            var index = i.ToString(CultureInfo.InvariantCulture);
            var rowPrefix = $"{prefix}-{index}";
            var deleteTicked = FormValues.IsTicked(form[$"{rowPrefix}-DELETE"]);
            if (i < initial)
            {
                // A row deleted by someone else since the page was shown is skipped, as Django's formset does.
                if (!byKey.Remove(form[$"{rowPrefix}-Id"].LastOrDefault() ?? "", out var child)) continue;
                if (copiedFrom is not null)
                {
                    // Save as new: the copy gets a copy of each row the user kept (Django's save_as_new).
                    if (deleteTicked || !can.Add) continue;
                    var copyRow = await RowAsync(child, index, readOnly: false, canDelete: false, cancellationToken);
                    rows.Add(copyRow);
                    var copy = Copy(child);
                    await BindRowAsync(copyRow, copy, isNew: true, form, cancellationToken);
                    _bound.Add((copyRow, copy, true));
                    kept++;
                    continue;
                }
                var row = await RowAsync(child, index, readOnly: !can.Change, can.Delete, cancellationToken);
                rows.Add(row);
                if (deleteTicked)
                {
                    if (!can.Delete) return Refusal("delete", child);
                    row.Delete = true;
                    _bound.Add((row, child, false));
                    continue;
                }
                kept++;
                if (!can.Change)
                {
                    if (row.Fields.Any(f => form.ContainsKey(f.Name))) return Refusal("change", child);
                    continue;
                }
                await BindRowAsync(row, child, isNew: false, form, cancellationToken);
                _bound.Add((row, child, false));
            }
            else
            {
                if (deleteTicked) continue;
                if (!can.Add)
                {
                    if (HasInput(form, rowPrefix)) return Refusal("add", null);
                    continue;
                }
                var row = await RowAsync(null, index, readOnly: false, canDelete: false, cancellationToken);
                var shown = row.Fields.Where(f => !f.ReadOnly).ToDictionary(f => f.Name, f => f.Value ?? "");
                rows.Add(row);
                // An extra row left as it was shown is no object (Django's has_changed).
                if (row.Fields.Where(f => !f.ReadOnly).All(f => Posted(form, f) == shown[f.Name])) continue;
                var child = inline.CreateNew(User);
                await BindRowAsync(row, child, isNew: true, form, cancellationToken);
                _bound.Add((row, child, true));
                kept++;
            }
        }
        if (kept > inline.MaxNum) _view.NonFormErrors.Add($"Please submit at most {inline.MaxNum} {(inline.MaxNum == 1 ? ItemName : PluralName)}.");
        if (kept < inline.MinNum) _view.NonFormErrors.Add($"Please submit at least {inline.MinNum} {(inline.MinNum == 1 ? ItemName : PluralName)}.");
        return null;
    }

    /// <summary>A new object with the stored row's values, but not its key or parent.</summary>
    private TChild Copy(TChild child)
    {
        var copy = inline.CreateNew(User);
        foreach (var property in _resolved.ChildType.GetProperties())
        {
            if (property.IsPrimaryKey() || property == _resolved.ParentKeyProperty || property.PropertyInfo is not { CanWrite: true } info) continue;
            info.SetValue(copy, info.GetValue(child));
        }
        return copy;
    }

    private static string Posted(IFormCollection form, FormFieldViewModel field) =>
        FormValues.PostedValue(field, form[field.Name]) ?? "";

    private static bool HasInput(IFormCollection form, string rowPrefix) =>
        form.Keys.Any(k => k.StartsWith(rowPrefix + "-", StringComparison.Ordinal) && !string.IsNullOrEmpty(form[k].LastOrDefault()));

    private bool TryCount(IFormCollection form, string name, out int count) =>
        int.TryParse(form[$"{prefix}-{name}"].LastOrDefault(), NumberStyles.None, CultureInfo.InvariantCulture, out count) && count >= 0;

    private AdminRefusal Refusal(string operation, TChild? child) =>
        new($"admin.inline_{operation}", child is null
            ? $"You may not add {PluralName} here."
            : $"You may not {operation} the {ItemName} \"{child}\" here.");

    private async Task BindRowAsync(InlineRowViewModel row, TChild child, bool isNew, IFormCollection form, CancellationToken cancellationToken)
    {
        var editable = row.Fields.Where(f => !f.ReadOnly).ToDictionary(f => f.Name[(row.Prefix.Length + 1)..], StringComparer.Ordinal);
        foreach (var field in _resolved.Fields.Where(f => editable.ContainsKey(f.Name)))
            await _fields.BindAsync(child, field.Path, editable[field.Name], form[editable[field.Name].Name], cancellationToken);
        // A new row of a stored parent belongs to it already, so that unique indexes with the parent's key are checked.
        if (isNew && _parentKey is { } parentKey) _resolved.ParentKeyProperty.PropertyInfo?.SetValue(child, parentKey);
        _fields.Validate(child, editable, row.Errors);
        if (!row.HasErrors) await _fields.CheckUniqueAsync(child, isNew, editable, row.Errors, cancellationToken, everyIndex: true);
    }

    public IReadOnlyList<HistoryRecord> Stage(TParent parent)
    {
        var records = new List<HistoryRecord>();
        var reference = _resolved.ForeignKey.DependentToPrincipal?.PropertyInfo;
        foreach (var (row, child, isNew) in _bound)
        {
            if (child is null) continue;
            if (row.Delete)
            {
                context.Db.Remove(child);
                records.Add(new HistoryRecord(context.Db.Entry(child), LogAction.Delete));
                continue;
            }
            if (isNew)
            {
                // Through the reference EF sets the key after inserting a new parent.
                if (reference is not null) reference.SetValue(child, parent);
                else _resolved.ParentKeyProperty.PropertyInfo!.SetValue(child, _resolved.ParentAdmin.Resolved.Key.PropertyInfo!.GetValue(parent));
                context.Db.Add(child);
                records.Add(new HistoryRecord(context.Db.Entry(child), LogAction.Add));
                continue;
            }
            var entry = context.Db.Entry(child);
            entry.DetectChanges();
            if (entry.State == EntityState.Modified) records.Add(new HistoryRecord(entry, LogAction.Change));
        }
        return records;
    }

    public FormFieldViewModel? UniqueViolationField(DbUpdateException exception)
    {
        foreach (var (row, _, _) in _bound)
        {
            var fields = row.Fields.Where(f => !f.ReadOnly).ToDictionary(f => f.Name[(row.Prefix.Length + 1)..], StringComparer.Ordinal);
            if (_fields.UniqueViolationField(exception, fields) is { } field) return field;
        }
        return null;
    }
}
