using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.Extensions.Primitives;
using WebApp.Admin.Metadata;

namespace WebApp.Admin;

/// <summary>
/// The add and change form of one model on one request (Django's changeform_view with its ModelForm and inline
/// formsets), read top to bottom: which fields, their widgets, binding the POST, validation, then one save of the object,
/// its rows and their history entries in one transaction.
/// </summary>
/// <param name="objectActions">The changelist actions this user may run, offered on the change page for this one object.</param>
internal sealed partial class ChangeForm<T>(ModelAdmin<T> admin, AdminRequestContext context, Func<IReadOnlyList<ActionChoice>> objectActions) where T : class
{
    /// <summary>Hidden inputs carrying the concurrency tokens as shown: a stale save is refused.</summary>
    internal const string ConcurrencyPrefix = "_concurrency.";

    private readonly ModelFormFields<T> _fields = new(context, admin.Resolved.EntityType, admin.Resolved.Key, admin.DisplayName, admin);

    private ResolvedModelAdmin<T> Resolved => admin.Resolved;

    // ---- 1. Fields: the fieldsets for this user and object, and the inlines ----

    /// <summary>The registration's fieldsets for this user and object (its GetFieldsets hook), bound to the EF model.</summary>
    private IReadOnlyList<ResolvedFieldset> FieldsetsFor(T? obj)
    {
        var chosen = admin.GetFieldsets(context.User, obj);
        var isAdd = obj is null;
        var declared = isAdd && admin.AddFieldsets.Count > 0 ? admin.AddFieldsets : admin.Fieldsets;
        if (chosen.Count == 0 || ReferenceEquals(chosen, declared)) return Resolved.FieldsetsFor(isAdd);
        return chosen.Select(set => admin.Fieldsets.ToList().IndexOf(set) is var i and >= 0 ? Resolved.Fieldsets[i]
            : admin.AddFieldsets.ToList().IndexOf(set) is var j and >= 0 ? Resolved.AddFieldsets[j]
            : throw new InvalidOperationException($"{admin.GetType().Name}.GetFieldsets returned a fieldset that is not one of its Fieldsets or AddFieldsets."))
            .ToList();
    }

    /// <summary>One formset per inline, prefixed like Django's (the parent's collection name, "reviews").</summary>
    private List<IInlineFormSet<T>> FormSets()
    {
        var used = new Dictionary<string, int>(StringComparer.Ordinal);
        var formSets = new List<IInlineFormSet<T>>();
        foreach (var inline in admin.Inlines)
        {
            var prefix = InlinePrefix(inline);
            used[prefix] = used.GetValueOrDefault(prefix) + 1;
            formSets.Add(inline.CreateFormSet(context, used[prefix] == 1 ? prefix : $"{prefix}-{used[prefix]}"));
        }
        return formSets;
    }

    private static string InlinePrefix(InlineModelAdmin<T> inline)
    {
        var type = inline.GetType();
        while (type is not null && !(type.IsGenericType && type.GetGenericTypeDefinition() == typeof(InlineModelAdmin<,>))) type = type.BaseType;
        var child = type!.GetGenericArguments()[1];
        var collection = typeof(T).GetProperties().FirstOrDefault(p => p.PropertyType.IsGenericType
            && typeof(IEnumerable<>).MakeGenericType(child).IsAssignableFrom(p.PropertyType));
        return (collection?.Name ?? child.Name + "_set").ToLowerInvariant();
    }

    // ---- 2. Widgets: the page as shown ----

    public async Task<ChangeFormViewModel> ShowAsync(T? existing, bool readOnly, string preservedFilters, CancellationToken cancellationToken)
    {
        var obj = existing ?? admin.CreateNew();
        var objectContext = new AdminObjectContext<T>(obj, existing is null, context);
        var formSets = FormSets();
        foreach (var formSet in formSets) await formSet.ShowAsync(obj, existing is null, readOnly, cancellationToken);
        var form = await BuildAsync(objectContext, readOnly, preservedFilters, formSets, saveAsNewOnly: false, cancellationToken);
        var choices = ChoicesFields(existing).ToDictionary(f => f.Name);
        var paths = Resolved.FormFields.ToDictionary(f => f.Name, f => f.Path);
        foreach (var field in form.Fieldsets.SelectMany(f => f.Fields))
        {
            if (choices.TryGetValue(field.Name, out var extra))
            {
                var selected = existing is null ? new HashSet<string>() : await extra.SelectedAsync(objectContext, cancellationToken);
                field.Options = field.Options.Select(o => o with { Selected = selected.Contains(o.Value) }).ToList();
                if (field.ReadOnly) field.DisplayValue = ChoiceLabels(field.Options, selected) is { Length: > 0 } labels ? labels : CellFormatting.Empty;
            }
            else if (!field.ReadOnly && field.Widget is not (WidgetKind.Password or WidgetKind.Image))
            {
                field.Value = _fields.InputValue(obj, paths[field.Name], field);
            }
        }
        return form;
    }

    private IEnumerable<ChoicesField<T>> ChoicesFields(T? obj) =>
        FieldsetsFor(obj).SelectMany(f => f.ExtraFields).OfType<ChoicesField<T>>();

    private static string ChoiceLabels(IReadOnlyList<SelectOption> options, IReadOnlySet<string> values) =>
        string.Join(", ", options.Where(o => values.Contains(o.Value)).Select(o => o.Label));

    /// <summary>The page around the fields: widgets (values set by the caller), buttons, links, panels and the inlines.</summary>
    private async Task<ChangeFormViewModel> BuildAsync(AdminObjectContext<T> objectContext, bool readOnly, string preservedFilters,
        IReadOnlyList<IInlineFormSet<T>> formSets, bool saveAsNewOnly, CancellationToken cancellationToken, T? shownAs = null)
    {
        // On a failed "Save as new" the page is still the original's change page.
        var obj = shownAs ?? objectContext.Object;
        var isAdd = objectContext.IsNew && shownAs is null;
        var id = isAdd ? null : KeyOf(obj);
        var readOnlyHere = admin.GetReadonlyFields(context.User, isAdd ? null : obj);
        var fieldsets = new List<FieldsetViewModel>();
        foreach (var set in FieldsetsFor(isAdd ? null : obj))
        {
            var fields = new List<(FormFieldViewModel View, int Row)>();
            foreach (var field in set.Fields)
                fields.Add((await _fields.FieldAsync(objectContext.Object, field.Path, readOnly || field.IsReadOnly || readOnlyHere.Contains(field.Name), cancellationToken), field.Row));
            var row = fields.Count == 0 ? 0 : fields.Max(f => f.Row) + 1;
            foreach (var extra in set.ExtraFields)
                fields.Add((await ExtraFieldAsync(objectContext, extra, readOnly || readOnlyHere.Contains(extra.Name), cancellationToken), row++));
            fieldsets.Add(new FieldsetViewModel(set.Title, set.Description, set.Collapsed, fields.Select(f => f.View).ToList())
            {
                Rows = fields.GroupBy(f => f.Row).Select(g => (IReadOnlyList<FormFieldViewModel>)g.Select(f => f.View).ToList()).ToList(),
            });
        }
        if (isAdd && !readOnly) Prepopulate(fieldsets.SelectMany(f => f.Fields).ToList());
        var tokens = isAdd ? [] : Resolved.EntityType.GetProperties().Where(p => p.IsConcurrencyToken && p.PropertyInfo is not null)
            .Select(p => new KeyValuePair<string, string>(ConcurrencyPrefix + p.Name, ValueParsing.FormatKey(p.PropertyInfo!.GetValue(obj) ?? "")))
            .ToList();
        var verb = isAdd ? "Add" : readOnly ? "View" : "Change";
        var shownContext = shownAs is null ? objectContext : new AdminObjectContext<T>(shownAs, isNew: false, context);
        return new ChangeFormViewModel
        {
            Admin = admin,
            Title = $"{verb} {admin.DisplayName}",
            IsAdd = isAdd,
            ReadOnly = readOnly,
            ObjectId = id,
            ObjectLabel = isAdd ? null : obj.ToString(),
            Fieldsets = fieldsets,
            Inlines = formSets.Select(f => f.View).ToList(),
            ConcurrencyTokens = tokens,
            ViewOnSiteUrl = isAdd || admin.ViewOnSite is null ? null : admin.ViewOnSite(obj),
            CanDelete = !isAdd && admin.HasPermission(context.User, AdminOperation.Delete, obj)
                && await admin.DeleteRefusalAsync(shownContext, cancellationToken) is null,
            CanAddAnother = admin.HasAddPermission(context.User),
            CanSaveAsNew = !isAdd && !readOnly && admin.SaveAs && admin.HasAddPermission(context.User) && admin.HasPermission(context.User, AdminOperation.Add, obj),
            SaveAsNewOnly = saveAsNewOnly,
            HistoryUrl = id is null ? null : AdminUrls.WithPreservedFilters(AdminUrls.History(admin, id), preservedFilters),
            DeleteUrl = id is null ? null : AdminUrls.WithPreservedFilters(AdminUrls.Delete(admin, id), preservedFilters),
            ChangeListUrl = AdminUrls.ChangeListWithFilters(admin, preservedFilters),
            PreservedFilters = preservedFilters,
            // One object is deleted from its Delete link and edited in this form: the bulk actions are for the list.
            ObjectActions = isAdd || !admin.ActionsEnabled ? [] : objectActions()
                .Where(a => a.Name is not (ModelAdminEngine.DeleteSelectedAction or ModelAdminEngine.EditSelectedAction)).ToList(),
            Panels = isAdd ? [] : await admin.ChangeFormPanelsAsync(shownContext, cancellationToken),
        };
    }

    /// <summary>Marks the add form's prepopulated fields with the inputs they are filled from (wwwroot/admin/prepopulate.js).</summary>
    private void Prepopulate(IReadOnlyList<FormFieldViewModel> fields)
    {
        foreach (var (target, sources) in Resolved.Prepopulated)
        {
            if (fields.FirstOrDefault(f => f.Name == target && !f.ReadOnly) is not { } field) continue;
            var shown = sources.Where(s => fields.Any(f => f.Name == s && !f.ReadOnly)).Select(s => "id_" + s.Replace('.', '_')).ToList();
            if (shown.Count > 0) field.PrepopulatedFrom = string.Join(' ', shown);
        }
    }

    private static async Task<FormFieldViewModel> ExtraFieldAsync(AdminObjectContext<T> objectContext, ExtraField extra, bool readOnly, CancellationToken cancellationToken) =>
        new()
        {
            Name = extra.Name,
            Label = extra.Label,
            HelpText = extra.HelpText,
            Required = (extra.Widget == WidgetKind.Password || extra is ImageField<T> { Required: true }) && !readOnly,
            ReadOnly = readOnly,
            Widget = extra.Widget,
            Options = extra is ChoicesField<T> choices ? await choices.OptionsAsync(objectContext, cancellationToken) : [],
            Image = extra is ImageField<T> image ? image.Current(objectContext.Object) : null,
            DisplayValue = extra is ImageField<T> shown ? shown.Current(objectContext.Object)?.Name ?? CellFormatting.Empty : CellFormatting.Empty,
        };

    // ---- 3. Binding, 4. validation, 5. save ----

    /// <summary>
    /// Binds the shown fields and inline rows from the POST, validates them together, and saves the object, its rows and a
    /// history entry per changed object in one transaction; any error anywhere saves nothing.
    /// </summary>
    /// <param name="saveAsNew">Django's "Save as new": the POST becomes a new object (and copies of its rows); the original stays.</param>
    public async Task<SaveOutcome> SaveAsync(T? existing, IFormCollection form, string preservedFilters, bool saveAsNew, CancellationToken cancellationToken)
    {
        var copiedFrom = saveAsNew ? existing : null;
        if (saveAsNew) existing = null;
        var isAdd = existing is null;
        var obj = existing ?? admin.CreateNew();
        ChangeFormViewModel? model = null;
        var objectContext = new AdminObjectContext<T>(obj, isAdd, context)
        {
            Form = form,
            ErrorSink = (name, message) =>
            {
                var field = name is null ? null : model!.Fieldsets.SelectMany(f => f.Fields).FirstOrDefault(f => f.Name == name);
                if (field is null) model!.NonFieldErrors.Add(message);
                else field.Errors.Add(message);
            },
        };
        var formSets = FormSets();
        foreach (var formSet in formSets)
        {
            if (await formSet.BindAsync(obj, isAdd, copiedFrom, form, cancellationToken) is { } refusal) return new SaveOutcome(null, null, null) { Refusal = refusal };
        }
        model = await BuildAsync(objectContext, readOnly: false, preservedFilters, formSets, saveAsNewOnly: saveAsNew, cancellationToken, shownAs: copiedFrom);
        var fields = model.Fieldsets.SelectMany(f => f.Fields).Where(f => !f.ReadOnly).ToDictionary(f => f.Name);
        var extraChanges = new List<FieldChange>();

        // Bind only the fields shown and editable: anything else in the POST is ignored (no overposting).
        foreach (var field in Resolved.FormFields.Where(f => fields.ContainsKey(f.Name)))
        {
            if (await _fields.BindAsync(obj, field.Path, fields[field.Name], form[field.Name], cancellationToken) is { } change) extraChanges.Add(change);
        }
        var choices = ChoicesFields(copiedFrom ?? (isAdd ? null : obj)).Where(f => fields.ContainsKey(f.Name)).ToList();
        foreach (var field in choices)
            await BindChoicesAsync(objectContext, field, fields[field.Name], form[field.Name], cancellationToken);
        foreach (var password in fields.Values.Where(f => f.Widget == WidgetKind.Password && f.Required))
        {
            if (string.IsNullOrEmpty(form[password.Name].LastOrDefault())) password.Errors.Add("This field is required.");
        }

        _fields.Validate(obj, fields, model.NonFieldErrors);
        // "Save as new" copies unique values too: the unique check then asks for new ones.
        if (!model.HasErrors) await _fields.CheckUniqueAsync(obj, isAdd, fields, model.NonFieldErrors, cancellationToken);
        if (!model.HasErrors) await admin.CleanAsync(objectContext, cancellationToken);

        var entry = context.Db.Entry(obj);
        if (!isAdd && !model.HasErrors && !ApplyConcurrencyTokens(entry, form))
            model.NonFieldErrors.Add(StaleMessage());
        extraChanges.AddRange(await BindImagesAsync(objectContext, model, fields, form, cancellationToken));
        if (model.HasErrors) return new SaveOutcome(model, null, null);

        if (isAdd) context.Db.Set<T>().Add(obj);
        await admin.SaveModelAsync(new AdminSaveContext<T>(obj, isAdd, context.Db, context.User) { Services = context.Http.RequestServices, Form = form }, cancellationToken);
        foreach (var field in choices)
        {
            var (initial, chosen) = (objectContext.Initial(field.Name), objectContext.Chosen(field.Name));
            if (initial.SetEquals(chosen)) continue;
            await field.SaveAsync(objectContext, chosen.Except(initial).ToHashSet(StringComparer.Ordinal), initial.Except(chosen).ToHashSet(StringComparer.Ordinal), cancellationToken);
            var options = fields[field.Name].Options;
            extraChanges.Add(new FieldChange(field.Name, field.Label, ChoiceLabels(options, initial), ChoiceLabels(options, chosen)));
        }
        var records = new List<HistoryRecord> { new(entry, isAdd ? LogAction.Add : LogAction.Change, extraChanges) };
        foreach (var formSet in formSets) records.AddRange(formSet.Stage(obj));
        try
        {
            await context.History.SaveWithHistoryAsync(context.Db, records, context.User.Id, cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            model.NonFieldErrors.Add(StaleMessage());
            return new SaveOutcome(model, null, null);
        }
        catch (DbUpdateException exception)
        {
            // The unique checks above can lose a race; the database's constraint is the last word.
            if (Data.DatabaseProviders.UniqueViolation(exception) is null) throw;
            var field = _fields.UniqueViolationField(exception, fields) ?? formSets.Select(f => f.UniqueViolationField(exception)).FirstOrDefault(f => f is not null);
            if (field is null) model.NonFieldErrors.Add("An object with these values already exists (two rows may be the same).");
            else field.Errors.Add(field.Name.Contains('-') ? $"A row with this {field.Label} already exists." : _fields.UniqueMessage(field.Label));
            foreach (var added in context.Db.ChangeTracker.Entries().Where(e => e.State == EntityState.Added).ToList()) added.State = EntityState.Detached;
            return new SaveOutcome(model, null, null);
        }
        return new SaveOutcome(null, KeyOf(obj), obj.ToString());
    }

    /// <summary>A choices field's posted values: each must be one of its options; the context keeps initial and chosen for the hooks.</summary>
    private static async Task BindChoicesAsync(AdminObjectContext<T> objectContext, ChoicesField<T> field, FormFieldViewModel view, StringValues posted, CancellationToken cancellationToken)
    {
        var initial = objectContext.IsNew ? new HashSet<string>(StringComparer.Ordinal) : await field.SelectedAsync(objectContext, cancellationToken);
        var allowed = view.Options.Select(o => o.Value).ToHashSet(StringComparer.Ordinal);
        var wanted = posted.Where(v => !string.IsNullOrEmpty(v)).Select(v => v!).ToHashSet(StringComparer.Ordinal);
        view.Options = view.Options.Select(o => o with { Selected = wanted.Contains(o.Value) }).ToList();
        if (!wanted.IsSubsetOf(allowed))
        {
            view.Errors.Add("Select a valid choice. One of the choices is not available.");
            wanted = initial.ToHashSet(StringComparer.Ordinal);
        }
        objectContext.SetChoices(field.Name, initial, wanted);
    }

    private string StaleMessage() =>
        $"This {admin.DisplayName} was changed by someone else after you opened it. Your changes have not been saved: " +
        "open it again to see the current values, then make your changes once more.";

    private string KeyOf(T obj) => ValueParsing.FormatKey(Resolved.Key.PropertyInfo!.GetValue(obj)!);

    /// <summary>Whether the concurrency tokens posted with a form still match <paramref name="obj"/> (true when it has none).</summary>
    public bool IsCurrent(T obj, IFormCollection form) =>
        Resolved.EntityType.GetProperties().Where(p => p.IsConcurrencyToken).All(property =>
            ValueParsing.TryParseKey(form[ConcurrencyPrefix + property.Name].LastOrDefault(), property.ClrType) is { } posted
            && Equals(context.Db.Entry(obj).Property(property.Name).CurrentValue, posted));

    /// <summary>The form's hidden token becomes the original value, so EF's UPDATE ... WHERE token = @posted refuses a stale save.</summary>
    private bool ApplyConcurrencyTokens(EntityEntry entry, IFormCollection form)
    {
        foreach (var property in Resolved.EntityType.GetProperties().Where(p => p.IsConcurrencyToken))
        {
            var posted = form[ConcurrencyPrefix + property.Name].LastOrDefault();
            var value = ValueParsing.TryParseKey(posted, property.ClrType);
            if (value is null) return false;
            var current = entry.Property(property.Name);
            if (!Equals(current.OriginalValue, value)) return false;
            current.OriginalValue = value;
        }
        return true;
    }
}
