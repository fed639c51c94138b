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

/// <summary>
/// The field-level half of a model form (Django's ModelForm fields), for any model: the widget of a property, its value
/// as the input shows it, converting and binding a posted value, DataAnnotations and unique-index validation. The change
/// form, its inline formsets and <see cref="ModelFormSet{T}"/> (the changelist's editable columns, bulk edit) all bind
/// through this one class.
/// </summary>
/// <param name="admin">The model's own registration, for its AutocompleteFields and the add/change links beside a foreign
/// key; null for models shown only inline.</param>
internal sealed class ModelFormFields<TModel>(
    AdminRequestContext context, IEntityType entityType, IProperty key, string displayName, ModelAdmin<TModel>? admin = null)
    where TModel : class
{
    /// <summary>Related rows already looked up by <see cref="BindAsync"/>, by type and key.</summary>
    private readonly Dictionary<(IReadOnlyEntityType Target, object Key), IReadOnlyList<(string Key, string Label)>> _relatedRows = [];

    public IEntityType EntityType => entityType;

    /// <summary>The field's widget with its constraints; its value is set by the caller (read-only fields get their display text).</summary>
    public async Task<FormFieldViewModel> FieldAsync(TModel obj, ModelPath path, bool readOnly, CancellationToken cancellationToken, string? name = null)
    {
        var annotations = path.Annotations;
        var type = Nullable.GetUnderlyingType(path.ClrType) ?? path.ClrType;
        var widget = WidgetFor(path, type);
        if (widget == WidgetKind.ForeignKey && admin?.Resolved.Autocomplete.ContainsKey(path.Name) == true) widget = WidgetKind.Autocomplete;
        var range = annotations.Range;
        var model = new FormFieldViewModel
        {
            Name = name ?? path.Name,
            Label = path.DisplayName,
            HelpText = path.Navigations.Count == 0 ? annotations.Description : null,
            Required = !readOnly && IsRequired(path),
            ReadOnly = readOnly,
            Widget = widget,
            MaxLength = path.Target is IProperty { ClrType: var t } p && t == typeof(string) ? p.GetMaxLength() ?? annotations.StringLength : null,
            Min = range is null ? null : Convert.ToString(range.Minimum, CultureInfo.InvariantCulture),
            Max = range is null ? null : Convert.ToString(range.Maximum, CultureInfo.InvariantCulture),
            Step = widget switch
            {
                WidgetKind.Number => "1",
                WidgetKind.Decimal => annotations.DataType == DataType.Currency ? "0.01" : "any",
                WidgetKind.DateTime or WidgetKind.Time => "1",
                _ => null,
            },
            Pattern = annotations.Pattern,
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

    /// <summary>An autocomplete field's only option: the object it points to now, so the page shows its name without loading the table.</summary>
    public async Task<IReadOnlyList<SelectOption>> CurrentChoiceAsync(ModelPath path, object? key, CancellationToken cancellationToken) =>
        key is null ? [] : (await RelatedRows.LoadByKeysAsync(context, path.ForeignKeyTarget!, [key], cancellationToken))
            .Select(r => new SelectOption(r.Key, r.Label, Selected: true)).ToList();

    /// <summary>The autocomplete source and the add/change links beside a foreign key, as far as the user's permissions on the related model go.</summary>
    public RelatedWidget? RelatedWidgetFor(ModelPath path, WidgetKind widget)
    {
        var target = path.ForeignKeyTarget!;
        if (admin is null || context.Registry.Find(target.ClrType) is not { } related) return null;
        var relatedKey = target.FindPrimaryKey()!.Properties[0].ClrType;
        var user = context.User;
        return new RelatedWidget
        {
            ModelName = related.DisplayName,
            AutocompleteUrl = widget == WidgetKind.Autocomplete
                ? "/admin/autocomplete/?" + AdminUrls.Query([new("app_label", admin.AppLabel), new("model_name", admin.ModelName), new("field_name", path.Name)])
                : null,
            NumericKey = relatedKey == typeof(int) || relatedKey == typeof(long) || relatedKey == typeof(short),
            AddUrl = related.HasAddPermission(user) ? AdminUrls.Add(related) + "?" + AdminUrls.PopupParameter + "=1" : null,
            ChangeUrlTemplate = related.HasViewPermission(user)
                ? AdminUrls.ChangeList(related) + RelatedWidget.KeyPlaceholder + "/change/?" + AdminUrls.PopupParameter + "=1"
                : null,
            CanChange = related.HasChangePermission(user),
        };
    }

    private static IReadOnlyEntityType RelatedType(ModelPath path) =>
        path.Target is ISkipNavigation skip ? skip.TargetEntityType : path.ForeignKeyTarget!;

    private static WidgetKind WidgetFor(ModelPath path, Type type)
    {
        if (path.Target is ISkipNavigation) return WidgetKind.ManyToMany;
        if (path.Navigations.Count == 0 && path.ForeignKeyTarget is not null) return WidgetKind.ForeignKey;
        var dataType = path.DataType;
        if (type == typeof(bool)) return path.IsNullable ? WidgetKind.NullableBoolean : WidgetKind.Checkbox;
        if (type.IsEnum) return WidgetKind.Select;
        if (type == typeof(int) || type == typeof(long) || type == typeof(short)) return WidgetKind.Number;
        if (type == typeof(decimal) || type == typeof(double) || type == typeof(float)) return WidgetKind.Decimal;
        if (type == typeof(DateOnly) || type == typeof(DateTime) && dataType == DataType.Date) return WidgetKind.Date;
        if (type == typeof(DateTime) || type == typeof(DateTimeOffset)) return WidgetKind.DateTime;
        if (type == typeof(TimeOnly) || type == typeof(TimeSpan)) return WidgetKind.Time;
        if (type != typeof(string)) return WidgetKind.Text;
        if (dataType == DataType.Password) return WidgetKind.Password;
        if (dataType == DataType.EmailAddress || path.Annotations.Email) return WidgetKind.Email;
        if (dataType == DataType.Url || path.Annotations.Url) return WidgetKind.Url;
        if (dataType == DataType.MultilineText) return WidgetKind.TextArea;
        var maxLength = (path.Target as IProperty)?.GetMaxLength();
        return maxLength is null or > 1000 ? WidgetKind.TextArea : WidgetKind.Text;
    }

    private static bool IsRequired(ModelPath path)
    {
        if (path.Target is ISkipNavigation) return false;
        if (path.Annotations.Required) return true;
        if (path.Target is not IProperty property || property.IsNullable) return false;
        // A non-nullable bool is a checkbox: unticked is a valid answer.
        return property.ClrType != typeof(bool);
    }

    /// <summary>The value as the HTML input expects it (invariant numbers, ISO dates); selects get their option marked.</summary>
    public string? InputValue(TModel obj, ModelPath path, FormFieldViewModel field)
    {
        if (path.Target is ISkipNavigation skip)
        {
            var selected = SelectedKeys(obj, skip);
            field.Options = field.Options.Select(o => o with { Selected = selected.Contains(o.Value) }).ToList();
            return null;
        }
        var value = path.Target.PropertyInfo!.GetValue(obj);
        var text = FormValues.FormatInput(value);
        if (field.Widget is WidgetKind.Select or WidgetKind.ForeignKey or WidgetKind.NullableBoolean)
            field.Options = field.Options.Select(o => o with { Selected = o.Value == text }).ToList();
        return text;
    }

    private static HashSet<string> SelectedKeys(TModel obj, ISkipNavigation skip)
    {
        var targetKey = skip.TargetEntityType.FindPrimaryKey()!.Properties[0];
        var items = (System.Collections.IEnumerable?)skip.PropertyInfo!.GetValue(obj) ?? Array.Empty<object>();
        return items.Cast<object>().Select(i => ValueParsing.FormatKey(targetKey.PropertyInfo!.GetValue(i)!)).ToHashSet(StringComparer.Ordinal);
    }

    /// <summary>A read-only field's text: related paths are read with one small query, not from the tracked object.</summary>
    private async Task<string> DisplayValueAsync(TModel obj, ModelPath path, CancellationToken cancellationToken)
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
            var id = context.Db.Entry(obj).Property(key.Name).CurrentValue!;
            var parameter = Expression.Parameter(typeof(TModel), "row");
            var selector = Expression.Lambda<Func<TModel, object?>>(
                Expression.Convert(path.Build(parameter), typeof(object)), parameter);
            value = await context.Db.Set<TModel>().AsNoTracking().Where(RelatedRows.KeyIn<TModel>(key, [id])).Select(selector).FirstOrDefaultAsync(cancellationToken);
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

    /// <summary>
    /// Binds one posted field onto <paramref name="obj"/>: converted to the property's type, a foreign key checked to
    /// exist, a many-to-many checked against its options. A bad value becomes a field error and leaves the object alone.
    /// </summary>
    /// <returns>The change of a many-to-many field for the history (EF's change tracker does not see those).</returns>
    public async Task<FieldChange?> BindAsync(TModel obj, ModelPath path, FormFieldViewModel view, StringValues posted, CancellationToken cancellationToken)
    {
        if (path.Target is ISkipNavigation skip) return await BindManyToManyAsync(obj, skip, view, posted, cancellationToken);
        view.Value = FormValues.PostedValue(view, posted);
        FormValues.MarkSelected(view, view.Value);
        if (!FormValues.TryConvert(path, view, out var value)) return null;
        if (value is not null && view.Widget is WidgetKind.ForeignKey or WidgetKind.Autocomplete)
        {
            var chosen = await RelatedRowAsync(path.ForeignKeyTarget!, value, cancellationToken);
            if (chosen.Count == 0)
            {
                view.Errors.Add("Select a valid choice. That choice is not one of the available choices.");
                return null;
            }
            if (view.Widget == WidgetKind.Autocomplete) view.Options = [new SelectOption(chosen[0].Key, chosen[0].Label, true)];
        }
        path.Target.PropertyInfo!.SetValue(obj, value);
        return null;
    }

    /// <summary>The related row a foreign key names; asked once per key, as a bulk edit binds one value on many rows.</summary>
    private async Task<IReadOnlyList<(string Key, string Label)>> RelatedRowAsync(IReadOnlyEntityType target, object value, CancellationToken cancellationToken)
    {
        if (_relatedRows.TryGetValue((target, value), out var known)) return known;
        return _relatedRows[(target, value)] = await RelatedRows.LoadByKeysAsync(context, target, [value], cancellationToken);
    }

    private async Task<FieldChange?> BindManyToManyAsync(TModel obj, ISkipNavigation skip, FormFieldViewModel view, StringValues posted, CancellationToken cancellationToken)
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
        var method = typeof(ModelFormFields<TModel>).GetMethod(nameof(LoadTrackedTypedAsync), BindingFlags.NonPublic | BindingFlags.Instance)!
            .MakeGenericMethod(type.ClrType);
        return await (Task<List<object>>)method.Invoke(this, [type, keys, cancellationToken])!;
    }

    private async Task<List<object>> LoadTrackedTypedAsync<TRelated>(IReadOnlyEntityType type, IReadOnlyCollection<object> keys, CancellationToken cancellationToken)
        where TRelated : class
    {
        var relatedKey = type.FindPrimaryKey()!.Properties[0];
        var rows = await context.Db.Set<TRelated>().Where(RelatedRows.KeyIn<TRelated>(relatedKey, keys)).ToListAsync(cancellationToken);
        return rows.Cast<object>().ToList();
    }

    /// <summary>DataAnnotations and IValidatableObject; errors on shown fields go beside them, the rest to <paramref name="nonFieldErrors"/>.</summary>
    public void Validate(TModel obj, IReadOnlyDictionary<string, FormFieldViewModel> fields, List<string> nonFieldErrors)
    {
        var results = new List<ValidationResult>();
        Validator.TryValidateObject(obj, new ValidationContext(obj, context.Http.RequestServices, null), results, validateAllProperties: true);
        foreach (var result in results)
        {
            var message = result.ErrorMessage ?? "This value is not valid.";
            var targets = result.MemberNames.Where(fields.ContainsKey).ToList();
            if (targets.Count == 0)
            {
                nonFieldErrors.Add(message);
                continue;
            }
            // A field that could not be converted already says so; its stale value's errors would only confuse.
            foreach (var target in targets.Where(t => fields[t].Errors.Count == 0)) fields[target].Errors.Add(message);
        }
    }

    /// <summary>Unique indexes from the EF model, checked before saving so the user sees a field error, not a crash.</summary>
    /// <param name="everyIndex">Check indexes on fields the form does not show too (an inline row's reference to its parent).</param>
    public async Task CheckUniqueAsync(TModel obj, bool isAdd, IReadOnlyDictionary<string, FormFieldViewModel> fields, List<string> nonFieldErrors,
        CancellationToken cancellationToken, bool everyIndex = false)
    {
        foreach (var index in entityType.GetIndexes().Where(i => i.IsUnique))
        {
            if (!everyIndex && !index.Properties.Any(p => fields.ContainsKey(p.Name))) continue;
            var values = index.Properties.Select(p => p.PropertyInfo?.GetValue(obj)).ToList();
            if (values.Any(v => v is null)) continue;

            var parameter = Expression.Parameter(typeof(TModel), "row");
            Expression body = Expression.Constant(true);
            for (var i = 0; i < index.Properties.Count; i++)
            {
                var member = Expression.Property(parameter, index.Properties[i].PropertyInfo!);
                body = Expression.AndAlso(body, Expression.Equal(member,
                    Expression.Convert(QueryParameters.Constant(values[i], Nullable.GetUnderlyingType(member.Type) ?? member.Type), member.Type)));
            }
            if (!isAdd)
            {
                var keyMember = Expression.Property(parameter, key.PropertyInfo!);
                body = Expression.AndAlso(body, Expression.NotEqual(keyMember,
                    QueryParameters.Constant(key.PropertyInfo!.GetValue(obj), keyMember.Type)));
            }
            var taken = await context.Db.Set<TModel>().AsNoTracking().AnyAsync(Expression.Lambda<Func<TModel, bool>>(body, parameter), cancellationToken);
            if (!taken) continue;
            var labels = index.Properties.Select(p => DisplayNames.For(p)).ToList();
            var message = UniqueMessage(string.Join(" and ", labels));
            var shown = index.Properties.Where(p => fields.ContainsKey(p.Name)).ToList();
            if (index.Properties.Count == 1 && shown.Count == 1) fields[shown[0].Name].Errors.Add(message);
            else nonFieldErrors.Add(message);
        }
    }

    public string UniqueMessage(string fieldLabels) => $"{DisplayNames.Capitalize(displayName)} with this {fieldLabels} already exists.";

    /// <summary>The form field of the unique index the database refused, known by its name or by its columns.</summary>
    public FormFieldViewModel? UniqueViolationField(DbUpdateException exception, IReadOnlyDictionary<string, FormFieldViewModel> fields)
    {
        if (DatabaseProviders.UniqueViolation(exception) is not { } violation) return null;
        var table = StoreObjectIdentifier.Table(entityType.GetTableName()!, entityType.GetSchema());
        var index = entityType.GetIndexes().FirstOrDefault(i => i.IsUnique && (violation.IndexName is { } name
            ? i.GetDatabaseName() == name
            : i.Properties.Select(p => p.GetColumnName(table)).SequenceEqual(violation.Columns)));
        return index?.Properties.Select(p => fields.GetValueOrDefault(p.Name)).FirstOrDefault(f => f is not null);
    }
}
