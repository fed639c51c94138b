using Microsoft.EntityFrameworkCore;
using WebApp.Admin.Metadata;

namespace WebApp.Admin;

internal sealed partial class ModelAdminEngine<T>
{
    /// <summary>Django's autocomplete page size.</summary>
    public const int AutocompletePageSize = 20;

    /// <summary>
    /// Django's AutocompleteJsonView: the changelist's search (same fields, same terms) over the admin's queryset, in the
    /// admin's ordering ended by the key so pages never overlap; one row past the page says whether more follow.
    /// </summary>
    public override async Task<AutocompletePage> AutocompleteAsync(string? term, int page, CancellationToken cancellationToken)
    {
        var skip = (page - 1L) * AutocompletePageSize;
        if (page < 1 || skip > int.MaxValue) return new AutocompletePage([], More: false);
        var query = BaseQuery();
        foreach (var word in SearchTerms.Split(term)) query = query.Where(SearchPredicate(word));
        var rows = await Sorting.Apply(query, Resolved.Ordering, Resolved.Key)
            .Skip((int)skip).Take(AutocompletePageSize + 1)
            .ToListAsync(cancellationToken);
        var key = RelatedRows.KeyReader<T>(Resolved.Key);
        var results = rows.Take(AutocompletePageSize).Select(r => (ValueParsing.FormatKey(key(r)), r.ToString() ?? "")).ToList();
        return new AutocompletePage(results, More: rows.Count > AutocompletePageSize);
    }

    /// <summary>An autocomplete field's only option: the object it points to now, so the page shows its name without loading the table.</summary>
    private async Task<IReadOnlyList<SelectOption>> CurrentChoiceAsync(ModelPath path, object? key, CancellationToken cancellationToken) =>
        key is null ? [] : (await RelatedRows.LoadByKeysAsync(context, path.ForeignKeyTarget!, [key], cancellationToken))
            .Select(r => new SelectOption(r.Key, r.Label, Selected: true)).ToList();

    /// <summary>The autocomplete source and the add/change links beside a foreign key, as far as the user's permissions on the related model go.</summary>
    private RelatedWidget? RelatedWidgetFor(ModelPath path, WidgetKind widget)
    {
        var target = path.ForeignKeyTarget!;
        if (context.Registry.Find(target.ClrType) is not { } related) return null;
        var key = target.FindPrimaryKey()!.Properties[0].ClrType;
        var user = context.User;
        return new RelatedWidget
        {
            ModelName = related.DisplayName,
            AutocompleteUrl = widget == WidgetKind.Autocomplete
                ? "/admin/autocomplete/?" + AdminUrls.Query([new("app_label", admin.AppLabel), new("model_name", admin.ModelName), new("field_name", path.Name)])
                : null,
            NumericKey = key == typeof(int) || key == typeof(long) || key == typeof(short),
            AddUrl = related.HasAddPermission(user) ? AdminUrls.Add(related) + "?" + AdminUrls.PopupParameter + "=1" : null,
            ChangeUrlTemplate = related.HasViewPermission(user)
                ? AdminUrls.ChangeList(related) + RelatedWidget.KeyPlaceholder + "/change/?" + AdminUrls.PopupParameter + "=1"
                : null,
            CanChange = related.HasChangePermission(user),
        };
    }

    /// <summary>
    /// The filter form of a foreign-key filter in AutocompleteFields whose related rows were too many to list: the chosen
    /// object only, and the list's other parameters.
    /// </summary>
    private async Task<AutocompleteFilter?> AutocompleteFilterAsync(
        ListFilter<T> filter, IReadOnlyList<FilterChoice> listed, ChangeListParameters parameters, CancellationToken cancellationToken)
    {
        if (filter is not PropertyListFilter<T> { UsesAutocomplete: true, Resolved: { } path }) return null;
        if (listed.Any(c => c.Parameter == filter.ParameterName)) return null;
        var value = parameters.Get(filter.ParameterName);
        var key = string.IsNullOrEmpty(value) ? null : ValueParsing.TryParseKey(value, path.ForeignKeyTarget!.FindPrimaryKey()!.Properties[0].ClrType);
        var field = new FormFieldViewModel
        {
            Name = filter.ParameterName,
            Label = filter.Title,
            Widget = WidgetKind.Autocomplete,
            Value = value,
            Options = await CurrentChoiceAsync(path, key, cancellationToken),
            Related = RelatedWidgetFor(path, WidgetKind.Autocomplete) is { } related ? related with { AddUrl = null, ChangeUrlTemplate = null } : null,
        };
        var own = filter.ParameterNames.ToHashSet(StringComparer.Ordinal);
        return new AutocompleteFilter(field, parameters.BaseUrl, parameters.Items.Where(i => !own.Contains(i.Key)).ToList());
    }
}
