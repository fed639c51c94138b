using System.ComponentModel.DataAnnotations;
using System.Globalization;
using System.Linq.Expressions;
using System.Reflection;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.Extensions.Primitives;
using WebApp.Admin.Metadata;
using WebApp.Data;

namespace WebApp.Admin;

internal sealed partial class ModelAdminEngine<T>
{
    internal const string ConcurrencyPrefix = "_concurrency.";

    public override async Task<object?> FindAsync(string id, CancellationToken cancellationToken)
    {
        if (ValueParsing.TryParseKey(id, Resolved.Key.ClrType) is not { } key) return null;
        var query = BaseQuery(tracking: true).Where(RelatedRows.KeyIn<T>(Resolved.Key, [key]));
        foreach (var field in Resolved.FormFields.Where(f => f.Path.Target is ISkipNavigation))
            query = query.Include(field.Name);
        return await query.SingleOrDefaultAsync(cancellationToken);
    }

    public override async Task<ChangeFormViewModel> FormAsync(object? existing, bool readOnly, string preservedFilters, CancellationToken cancellationToken)
    {
        var obj = (T?)existing ?? admin.CreateNew();
        var objectContext = new AdminObjectContext<T>(obj, existing is null, context);
        var form = await BuildFormAsync(objectContext, readOnly, preservedFilters, cancellationToken);
        var choices = ChoicesFields(existing is null).ToDictionary(f => f.Name);
        foreach (var field in form.Fieldsets.SelectMany(f => f.Fields))
        {
            if (choices.TryGetValue(field.Name, out var extra))
            {
                var selected = existing is null ? new HashSet<string>() : await extra.SelectedAsync(objectContext, cancellationToken);
                field.Options = field.Options.Select(o => o with { Selected = selected.Contains(o.Value) }).ToList();
                if (field.ReadOnly) field.DisplayValue = ChoiceLabels(field.Options, selected) is { Length: > 0 } labels ? labels : CellFormatting.Empty;
            }
            else if (!field.ReadOnly && field.Widget != WidgetKind.Password)
            {
                field.Value = InputValue(obj, field);
            }
        }
        return form;
    }

    private IEnumerable<ChoicesField<T>> ChoicesFields(bool isAdd) =>
        Resolved.FieldsetsFor(isAdd).SelectMany(f => f.ExtraFields).OfType<ChoicesField<T>>();

    private static string ChoiceLabels(IReadOnlyList<SelectOption> options, IReadOnlySet<string> values) =>
        string.Join(", ", options.Where(o => values.Contains(o.Value)).Select(o => o.Label));

    private async Task<ChangeFormViewModel> BuildFormAsync(AdminObjectContext<T> objectContext, bool readOnly, string preservedFilters, CancellationToken cancellationToken)
    {
        var obj = objectContext.Object;
        var isAdd = objectContext.IsNew;
        var id = isAdd ? null : KeyOf(obj);
        var label = isAdd ? null : obj.ToString();
        var readOnlyHere = admin.GetReadonlyFields(context.User, isAdd ? null : obj);
        var fieldsets = new List<FieldsetViewModel>();
        foreach (var set in Resolved.FieldsetsFor(isAdd))
        {
            var fields = new List<(FormFieldViewModel View, int Row)>();
            foreach (var field in set.Fields)
                fields.Add((await FieldAsync(obj, field, readOnly || field.IsReadOnly || readOnlyHere.Contains(field.Name), cancellationToken), field.Row));
            var row = fields.Count == 0 ? 0 : fields.Max(f => f.Row) + 1;
            foreach (var extra in set.ExtraFields)
                fields.Add((await ExtraFieldAsync(objectContext, extra, readOnly || readOnlyHere.Contains(extra.Name), cancellationToken), row++));
            fieldsets.Add(new FieldsetViewModel(set.Title, set.Description, set.Collapsed, fields.Select(f => f.View).ToList())
            {
                Rows = fields.GroupBy(f => f.Row).Select(g => (IReadOnlyList<FormFieldViewModel>)g.Select(f => f.View).ToList()).ToList(),
            });
        }
        var tokens = isAdd ? [] : Resolved.EntityType.GetProperties().Where(p => p.IsConcurrencyToken && p.PropertyInfo is not null)
            .Select(p => new KeyValuePair<string, string>(ConcurrencyPrefix + p.Name, ValueParsing.FormatKey(p.PropertyInfo!.GetValue(obj) ?? "")))
            .ToList();
        var verb = isAdd ? "Add" : readOnly ? "View" : "Change";
        return new ChangeFormViewModel
        {
            Admin = admin,
            Title = $"{verb} {admin.DisplayName}",
            IsAdd = isAdd,
            ReadOnly = readOnly,
            ObjectId = id,
            ObjectLabel = label,
            Fieldsets = fieldsets,
            ConcurrencyTokens = tokens,
            ViewOnSiteUrl = isAdd || admin.ViewOnSite is null ? null : admin.ViewOnSite(obj),
            CanDelete = !isAdd && admin.HasDeletePermission(context.User) && await admin.DeleteRefusalAsync(objectContext, cancellationToken) is null,
            CanAddAnother = admin.HasAddPermission(context.User),
            HistoryUrl = id is null ? null : AdminUrls.WithPreservedFilters(AdminUrls.History(admin, id), preservedFilters),
            DeleteUrl = id is null ? null : AdminUrls.WithPreservedFilters(AdminUrls.Delete(admin, id), preservedFilters),
            ChangeListUrl = AdminUrls.ChangeListWithFilters(admin, preservedFilters),
            PreservedFilters = preservedFilters,
            ObjectActions = isAdd || !admin.ActionsEnabled ? [] : AvailableActions().Where(a => a.Name != DeleteSelectedAction).ToList(),
            Panels = isAdd ? [] : await admin.ChangeFormPanelsAsync(objectContext, cancellationToken),
        };
    }

    private async Task<FormFieldViewModel> ExtraFieldAsync(AdminObjectContext<T> objectContext, ExtraField extra, bool readOnly, CancellationToken cancellationToken) =>
        new()
        {
            Name = extra.Name,
            Label = extra.Label,
            HelpText = extra.HelpText,
            Required = extra.Widget == WidgetKind.Password && !readOnly,
            ReadOnly = readOnly,
            Widget = extra.Widget,
            Options = extra is ChoicesField<T> choices ? await choices.OptionsAsync(objectContext, cancellationToken) : [],
        };

    private async Task<FormFieldViewModel> FieldAsync(T obj, ResolvedFormField field, bool readOnly, CancellationToken cancellationToken)
    {
        var path = field.Path;
        var info = path.Target.PropertyInfo;
        var type = Nullable.GetUnderlyingType(path.ClrType) ?? path.ClrType;
        var widget = WidgetFor(path, info, type);
        if (widget == WidgetKind.ForeignKey && Resolved.Autocomplete.ContainsKey(path.Name)) widget = WidgetKind.Autocomplete;
        var range = info?.GetCustomAttribute<RangeAttribute>();
        var model = new FormFieldViewModel
        {
            Name = path.Name,
            Label = path.DisplayName,
            HelpText = path.Navigations.Count == 0 ? DisplayNames.Description(path.Target) : null,
            Required = !readOnly && IsRequired(path, info),
            ReadOnly = readOnly,
            Widget = widget,
            MaxLength = path.Target is IProperty { ClrType: var t } p && t == typeof(string)
                ? p.GetMaxLength() ?? info?.GetCustomAttribute<StringLengthAttribute>()?.MaximumLength
                : null,
            Min = range is null ? null : Convert.ToString(range.Minimum, CultureInfo.InvariantCulture),
            Max = range is null ? null : Convert.ToString(range.Maximum, CultureInfo.InvariantCulture),
            Step = widget switch
            {
                WidgetKind.Number => "1",
                WidgetKind.Decimal => info?.GetCustomAttribute<DataTypeAttribute>()?.DataType == DataType.Currency ? "0.01" : "any",
                WidgetKind.DateTime or WidgetKind.Time => "1",
                _ => null,
            },
            Pattern = info?.GetCustomAttribute<RegularExpressionAttribute>()?.Pattern,
        };
        if (readOnly)
        {
            model.DisplayValue = await DisplayValueAsync(obj, path, cancellationToken);
            return model;
        }
        model.Options = widget switch
        {
            WidgetKind.Select => Enum.GetValues(type).Cast<object>()
                .Select(v => new SelectOption(v.ToString()!, DisplayNames.ForEnumValue(v), false)).ToList(),
            WidgetKind.ForeignKey or WidgetKind.ManyToMany => (await RelatedRows.LoadChoicesAsync(context, RelatedType(path), cancellationToken))
                .Select(r => new SelectOption(r.Key, r.Label, false)).ToList(),
            WidgetKind.Autocomplete => await CurrentChoiceAsync(path, path.Target.PropertyInfo!.GetValue(obj), cancellationToken),
            _ => [],
        };
        model.Related = widget is WidgetKind.ForeignKey or WidgetKind.Autocomplete ? RelatedWidgetFor(path, widget) : null;
        return model;
    }

    private static IReadOnlyEntityType RelatedType(ModelPath path) =>
        path.Target is ISkipNavigation skip ? skip.TargetEntityType : path.ForeignKeyTarget!;

    private static WidgetKind WidgetFor(ModelPath path, PropertyInfo? info, Type type)
    {
        if (path.Target is ISkipNavigation) return WidgetKind.ManyToMany;
        if (path.Navigations.Count == 0 && path.ForeignKeyTarget is not null) return WidgetKind.ForeignKey;
        var dataType = info?.GetCustomAttribute<DataTypeAttribute>()?.DataType;
        if (type == typeof(bool)) return path.IsNullable ? WidgetKind.NullableBoolean : WidgetKind.Checkbox;
        if (type.IsEnum) return WidgetKind.Select;
        if (type == typeof(int) || type == typeof(long) || type == typeof(short)) return WidgetKind.Number;
        if (type == typeof(decimal) || type == typeof(double) || type == typeof(float)) return WidgetKind.Decimal;
        if (type == typeof(DateOnly) || type == typeof(DateTime) && dataType == DataType.Date) return WidgetKind.Date;
        if (type == typeof(DateTime) || type == typeof(DateTimeOffset)) return WidgetKind.DateTime;
        if (type == typeof(TimeOnly) || type == typeof(TimeSpan)) return WidgetKind.Time;
        if (type != typeof(string)) return WidgetKind.Text;
        if (dataType == DataType.Password) return WidgetKind.Password;
        if (dataType == DataType.EmailAddress || info?.GetCustomAttribute<EmailAddressAttribute>() is not null) return WidgetKind.Email;
        if (dataType == DataType.Url || info?.GetCustomAttribute<UrlAttribute>() is not null) return WidgetKind.Url;
        if (dataType == DataType.MultilineText) return WidgetKind.TextArea;
        var maxLength = (path.Target as IProperty)?.GetMaxLength();
        return maxLength is null or > 1000 ? WidgetKind.TextArea : WidgetKind.Text;
    }

    private static bool IsRequired(ModelPath path, PropertyInfo? info)
    {
        if (path.Target is ISkipNavigation) return false;
        if (info?.GetCustomAttribute<RequiredAttribute>() is not null) return true;
        if (path.Target is not IProperty property || property.IsNullable) return false;
        // A non-nullable bool is a checkbox: unticked is a valid answer.
        return property.ClrType != typeof(bool);
    }

    /// <summary>The value as the HTML input expects it (invariant numbers, ISO dates).</summary>
    private string? InputValue(T obj, FormFieldViewModel field)
    {
        var path = Resolved.FormFields.First(f => f.Name == field.Name).Path;
        if (path.Target is ISkipNavigation skip)
        {
            var selected = SelectedKeys(obj, skip);
            field.Options = field.Options.Select(o => o with { Selected = selected.Contains(o.Value) }).ToList();
            return null;
        }
        var value = path.Target.PropertyInfo!.GetValue(obj);
        var text = FormatInput(value);
        if (field.Widget is WidgetKind.Select or WidgetKind.ForeignKey or WidgetKind.NullableBoolean)
            field.Options = field.Options.Select(o => o with { Selected = o.Value == text }).ToList();
        return text;
    }

    private HashSet<string> SelectedKeys(T obj, ISkipNavigation skip)
    {
        var targetKey = skip.TargetEntityType.FindPrimaryKey()!.Properties[0];
        var items = (System.Collections.IEnumerable?)skip.PropertyInfo!.GetValue(obj) ?? Array.Empty<object>();
        return items.Cast<object>().Select(i => ValueParsing.FormatKey(targetKey.PropertyInfo!.GetValue(i)!)).ToHashSet(StringComparer.Ordinal);
    }

    internal static string? FormatInput(object? value) => value switch
    {
        null => null,
        bool b => b ? "true" : "false",
        DateTime d => d.ToString("yyyy-MM-dd'T'HH:mm:ss", CultureInfo.InvariantCulture),
        DateTimeOffset d => d.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss", CultureInfo.InvariantCulture),
        DateOnly d => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        TimeOnly t => t.ToString("HH:mm:ss", CultureInfo.InvariantCulture),
        TimeSpan t => t.ToString(@"hh\:mm\:ss", CultureInfo.InvariantCulture),
        Enum e => e.ToString(),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString(),
    };

    /// <summary>A read-only field's text: related paths are read with one small query, not from the tracked object.</summary>
    private async Task<string> DisplayValueAsync(T obj, ModelPath path, CancellationToken cancellationToken)
    {
        if (path.Target is ISkipNavigation skip)
        {
            var items = ((System.Collections.IEnumerable?)skip.PropertyInfo!.GetValue(obj))?.Cast<object>().Select(i => i.ToString()).ToList() ?? [];
            return items.Count == 0 ? CellFormatting.Empty : string.Join(", ", items);
        }
        object? value;
        if (path.Navigations.Count > 0)
        {
            if (context.Db.Entry(obj).State == EntityState.Detached) return CellFormatting.Empty;
            var key = context.Db.Entry(obj).Property(Resolved.Key.Name).CurrentValue!;
            var parameter = Expression.Parameter(typeof(T), "row");
            var selector = Expression.Lambda<Func<T, object?>>(
                Expression.Convert(path.Build(parameter), typeof(object)), parameter);
            value = await context.Db.Set<T>().AsNoTracking().Where(RelatedRows.KeyIn<T>(Resolved.Key, [key])).Select(selector).FirstOrDefaultAsync(cancellationToken);
        }
        else
        {
            value = path.Target.PropertyInfo!.GetValue(obj);
            if (value is not null && path.ForeignKeyTarget is { } target)
            {
                var related = await RelatedRows.LoadByKeysAsync(context, target, [value], cancellationToken);
                if (related.Count == 1) return related[0].Label;
            }
        }
        return CellFormatting.Format(value, path);
    }

    public override async Task<SaveOutcome> SaveAsync(object? existing, IFormCollection form, string preservedFilters, CancellationToken cancellationToken)
    {
        var isAdd = existing is null;
        var obj = (T?)existing ?? admin.CreateNew();
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
        model = await BuildFormAsync(objectContext, readOnly: false, preservedFilters, cancellationToken);
        var fields = model.Fieldsets.SelectMany(f => f.Fields).Where(f => !f.ReadOnly).ToDictionary(f => f.Name);
        var extraChanges = new List<FieldChange>();

        // Bind only the fields shown and editable: anything else in the POST is ignored (no overposting).
        foreach (var field in Resolved.FormFields.Where(f => fields.ContainsKey(f.Name)))
        {
            var view = fields[field.Name];
            var posted = form[field.Name];
            if (field.Path.Target is ISkipNavigation skip)
            {
                var change = await BindManyToManyAsync(obj, skip, view, posted, cancellationToken);
                if (change is not null) extraChanges.Add(change);
                continue;
            }
            view.Value = view.Widget == WidgetKind.Checkbox ? (IsTicked(posted) ? "true" : "false") : posted.LastOrDefault()?.Trim();
            MarkSelected(view, view.Value);
            if (!TryConvert(field.Path, view, out var value)) continue;
            if (value is not null && view.Widget is WidgetKind.ForeignKey or WidgetKind.Autocomplete)
            {
                var chosen = await RelatedRows.LoadByKeysAsync(context, field.Path.ForeignKeyTarget!, [value], cancellationToken);
                if (chosen.Count == 0)
                {
                    view.Errors.Add("Select a valid choice. That choice is not one of the available choices.");
                    continue;
                }
                if (view.Widget == WidgetKind.Autocomplete) view.Options = [new SelectOption(chosen[0].Key, chosen[0].Label, true)];
            }
            field.Path.Target.PropertyInfo!.SetValue(obj, value);
        }
        var choices = ChoicesFields(isAdd).Where(f => fields.ContainsKey(f.Name)).ToList();
        foreach (var field in choices)
            await BindChoicesAsync(objectContext, field, fields[field.Name], form[field.Name], cancellationToken);
        foreach (var password in fields.Values.Where(f => f.Widget == WidgetKind.Password && f.Required))
        {
            if (string.IsNullOrEmpty(form[password.Name].LastOrDefault())) password.Errors.Add("This field is required.");
        }

        Validate(obj, model, fields);
        if (!model.HasErrors) await CheckUniqueAsync(obj, isAdd, model, fields, cancellationToken);
        if (!model.HasErrors) await admin.CleanAsync(objectContext, cancellationToken);

        var entry = context.Db.Entry(obj);
        if (!isAdd && !model.HasErrors && !ApplyConcurrencyTokens(entry, form))
            model.NonFieldErrors.Add(StaleMessage());
        if (model.HasErrors)
        {
            return new SaveOutcome(model, null, null);
        }

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
        try
        {
            await context.History.SaveWithHistoryAsync(context.Db, [new HistoryRecord(entry, isAdd ? LogAction.Add : LogAction.Change, extraChanges)], context.User.Id, cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            model.NonFieldErrors.Add(StaleMessage());
            return new SaveOutcome(model, null, null);
        }
        catch (DbUpdateException exception)
        {
            // The unique check above can lose a race; the database's constraint is the last word.
            var field = UniqueViolationField(exception, fields);
            if (field is null) throw;
            field.Errors.Add($"{DisplayNames.Capitalize(admin.DisplayName)} with this {field.Label} already exists.");
            if (isAdd) entry.State = EntityState.Detached;
            return new SaveOutcome(model, null, null);
        }
        return new SaveOutcome(null, KeyOf(obj), obj.ToString());
    }

    /// <summary>A choices field's posted values: each must be one of its options; the context keeps initial and chosen for the hooks.</summary>
    private async Task BindChoicesAsync(AdminObjectContext<T> objectContext, ChoicesField<T> field, FormFieldViewModel view, StringValues posted, CancellationToken cancellationToken)
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

    private static bool IsTicked(StringValues posted) => posted.Any(v => v is "true" or "on" or "1");

    private static void MarkSelected(FormFieldViewModel view, string? value)
    {
        if (view.Options.Count > 0 && view.Widget != WidgetKind.ManyToMany)
            view.Options = view.Options.Select(o => o with { Selected = o.Value == value }).ToList();
    }

    /// <summary>Form text to the property's type; a failure becomes a field error, never an exception.</summary>
    private static bool TryConvert(ModelPath path, FormFieldViewModel view, out object? value)
    {
        value = null;
        var property = (IProperty)path.Target;
        var type = Nullable.GetUnderlyingType(property.ClrType) ?? property.ClrType;
        var text = view.Value;
        if (string.IsNullOrEmpty(text))
        {
            var required = !property.IsNullable || property.PropertyInfo?.GetCustomAttribute<RequiredAttribute>() is not null;
            if (!required) return true;
            view.Errors.Add("This field is required.");
            return false;
        }
        var invariant = CultureInfo.InvariantCulture;
        bool ok;
        (ok, value, var error) = type switch
        {
            _ when type == typeof(string) => (true, text, null),
            _ when type == typeof(bool) => text switch { "true" => (true, true, null), "false" => (true, false, null), _ => (false, null, "Select a valid choice.") },
            _ when type == typeof(int) => int.TryParse(text, NumberStyles.Integer, invariant, out var i) ? (true, i, null) : (false, (object?)null, "Enter a whole number."),
            _ when type == typeof(long) => long.TryParse(text, NumberStyles.Integer, invariant, out var l) ? (true, l, null) : (false, null, "Enter a whole number."),
            _ when type == typeof(short) => short.TryParse(text, NumberStyles.Integer, invariant, out var s) ? (true, s, null) : (false, null, "Enter a whole number."),
            _ when type == typeof(decimal) => decimal.TryParse(text, NumberStyles.Number, invariant, out var m) ? (true, m, null) : (false, null, "Enter a number."),
            _ when type == typeof(double) => double.TryParse(text, NumberStyles.Float, invariant, out var d) ? (true, d, null) : (false, null, "Enter a number."),
            _ when type == typeof(DateTime) => DateTime.TryParse(text, invariant, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out var dt)
                ? (true, DateTime.SpecifyKind(dt, DateTimeKind.Utc), null) : (false, null, "Enter a valid date and time."),
            _ when type == typeof(DateOnly) => DateOnly.TryParseExact(text, "yyyy-MM-dd", invariant, DateTimeStyles.None, out var date) ? (true, date, null) : (false, null, "Enter a valid date."),
            _ when type == typeof(TimeOnly) => TimeOnly.TryParse(text, invariant, out var time) ? (true, time, null) : (false, null, "Enter a valid time."),
            _ when type.IsEnum => Enum.GetNames(type).Contains(text, StringComparer.Ordinal)
                ? (true, Enum.Parse(type, text), null) : (false, null, $"Select a valid choice. {text} is not one of the available choices."),
            _ => ValueParsing.TryParseKey(text, type) is { } parsed ? (true, parsed, null) : (false, null, "Enter a valid value."),
        };
        if (!ok) view.Errors.Add(error!);
        return ok;
    }

    private async Task<FieldChange?> BindManyToManyAsync(T obj, ISkipNavigation skip, FormFieldViewModel view, StringValues posted, CancellationToken cancellationToken)
    {
        var targetKey = skip.TargetEntityType.FindPrimaryKey()!.Properties[0];
        var wanted = posted.Where(v => !string.IsNullOrEmpty(v)).Select(v => ValueParsing.TryParseKey(v, targetKey.ClrType)).ToList();
        var allowed = view.Options.Select(o => o.Value).ToHashSet(StringComparer.Ordinal);
        if (wanted.Any(w => w is null || !allowed.Contains(ValueParsing.FormatKey(w))))
        {
            view.Errors.Add("Select a valid choice. One of the choices is not available.");
            return null;
        }
        var wantedKeys = wanted.Select(w => ValueParsing.FormatKey(w!)).ToHashSet(StringComparer.Ordinal);
        view.Options = view.Options.Select(o => o with { Selected = wantedKeys.Contains(o.Value) }).ToList();

        var collection = (System.Collections.IList)skip.PropertyInfo!.GetValue(obj)!;
        var before = SelectedKeys(obj, skip);
        if (before.SetEquals(wantedKeys)) return null;
        var labels = view.Options.ToDictionary(o => o.Value, o => o.Label);
        var loaded = await LoadTrackedAsync(skip.TargetEntityType, wanted!, cancellationToken);
        collection.Clear();
        foreach (var item in loaded) collection.Add(item);
        return new FieldChange(skip.Name, DisplayNames.For(skip),
            string.Join(", ", before.Select(k => labels.GetValueOrDefault(k, k)).Order()),
            string.Join(", ", wantedKeys.Select(k => labels.GetValueOrDefault(k, k)).Order()));
    }

    private async Task<List<object>> LoadTrackedAsync(IReadOnlyEntityType type, IReadOnlyCollection<object> keys, CancellationToken cancellationToken)
    {
        var method = typeof(ModelAdminEngine<T>).GetMethod(nameof(LoadTrackedTypedAsync), BindingFlags.NonPublic | BindingFlags.Instance)!
            .MakeGenericMethod(type.ClrType);
        return await (Task<List<object>>)method.Invoke(this, [type, keys, cancellationToken])!;
    }

    private async Task<List<object>> LoadTrackedTypedAsync<TRelated>(IReadOnlyEntityType type, IReadOnlyCollection<object> keys, CancellationToken cancellationToken)
        where TRelated : class
    {
        var key = type.FindPrimaryKey()!.Properties[0];
        var rows = await context.Db.Set<TRelated>().Where(RelatedRows.KeyIn<TRelated>(key, keys)).ToListAsync(cancellationToken);
        return rows.Cast<object>().ToList();
    }

    /// <summary>DataAnnotations and IValidatableObject; errors on shown fields go beside them, the rest to the summary.</summary>
    private void Validate(T obj, ChangeFormViewModel model, IReadOnlyDictionary<string, FormFieldViewModel> fields)
    {
        var results = new List<ValidationResult>();
        Validator.TryValidateObject(obj, new ValidationContext(obj, context.Http.RequestServices, null), results, validateAllProperties: true);
        foreach (var result in results)
        {
            var message = result.ErrorMessage ?? "This value is not valid.";
            var targets = result.MemberNames.Where(fields.ContainsKey).ToList();
            // A field that could not be converted already says so; its stale value's errors would only confuse.
            if (targets.Count > 0)
            {
                foreach (var target in targets.Where(t => fields[t].Errors.Count == 0)) fields[target].Errors.Add(message);
            }
            else if (!result.MemberNames.Any(m => model.Fieldsets.SelectMany(f => f.Fields).Any(f => f.Name == m && f.Errors.Count > 0)))
            {
                model.NonFieldErrors.Add(message);
            }
        }
    }

    /// <summary>Unique indexes from the EF model, checked before saving so the user sees a field error, not a crash.</summary>
    private async Task CheckUniqueAsync(T obj, bool isAdd, ChangeFormViewModel model, IReadOnlyDictionary<string, FormFieldViewModel> fields, CancellationToken cancellationToken)
    {
        foreach (var index in Resolved.EntityType.GetIndexes().Where(i => i.IsUnique))
        {
            if (!index.Properties.Any(p => fields.ContainsKey(p.Name))) continue;
            var values = index.Properties.Select(p => p.PropertyInfo?.GetValue(obj)).ToList();
            if (values.Any(v => v is null)) continue;

            var parameter = Expression.Parameter(typeof(T), "row");
            Expression body = Expression.Constant(true);
            for (var i = 0; i < index.Properties.Count; i++)
            {
                var member = Expression.Property(parameter, index.Properties[i].PropertyInfo!);
                body = Expression.AndAlso(body, Expression.Equal(member,
                    Expression.Convert(QueryParameters.Constant(values[i], Nullable.GetUnderlyingType(member.Type) ?? member.Type), member.Type)));
            }
            if (!isAdd)
            {
                var key = Expression.Property(parameter, Resolved.Key.PropertyInfo!);
                body = Expression.AndAlso(body, Expression.NotEqual(key,
                    QueryParameters.Constant(Resolved.Key.PropertyInfo!.GetValue(obj), key.Type)));
            }
            var taken = await context.Db.Set<T>().AsNoTracking().AnyAsync(Expression.Lambda<Func<T, bool>>(body, parameter), cancellationToken);
            if (!taken) continue;
            var labels = index.Properties.Select(p => DisplayNames.For(p)).ToList();
            var message = $"{DisplayNames.Capitalize(admin.DisplayName)} with this {string.Join(" and ", labels)} already exists.";
            var shown = index.Properties.Where(p => fields.ContainsKey(p.Name)).ToList();
            if (index.Properties.Count == 1) fields[shown[0].Name].Errors.Add(message);
            else model.NonFieldErrors.Add(message);
        }
    }

    /// <summary>The form field of the unique index the database refused, known by its name or by its columns.</summary>
    private FormFieldViewModel? UniqueViolationField(DbUpdateException exception, IReadOnlyDictionary<string, FormFieldViewModel> fields)
    {
        if (DatabaseProviders.UniqueViolation(exception) is not { } violation) return null;
        var table = StoreObjectIdentifier.Table(Resolved.EntityType.GetTableName()!, Resolved.EntityType.GetSchema());
        var index = Resolved.EntityType.GetIndexes().FirstOrDefault(i => i.IsUnique && (violation.IndexName is { } name
            ? i.GetDatabaseName() == name
            : i.Properties.Select(p => p.GetColumnName(table)).SequenceEqual(violation.Columns)));
        return index?.Properties.Select(p => fields.GetValueOrDefault(p.Name)).FirstOrDefault(f => f is not null);
    }

    public override bool IsCurrent(object obj, IFormCollection form) =>
        Resolved.EntityType.GetProperties().Where(p => p.IsConcurrencyToken).All(property =>
            ValueParsing.TryParseKey(form[ConcurrencyPrefix + property.Name].LastOrDefault(), property.ClrType) is { } posted
            && Equals(context.Db.Entry(obj).Property(property.Name).CurrentValue, posted));

    /// <summary>The form's hidden token becomes the original value, so EF's UPDATE ... WHERE token = @posted refuses a stale save.</summary>
    private bool ApplyConcurrencyTokens(Microsoft.EntityFrameworkCore.ChangeTracking.EntityEntry entry, IFormCollection form)
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
