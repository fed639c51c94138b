using Microsoft.EntityFrameworkCore;
using WebApp.Admin.Metadata;

namespace WebApp.Admin;

internal sealed partial class ModelAdminEngine<T>
{
    /// <summary>Django's autocomplete page size.</summary>
    public const int AutocompletePageSize = 20;

    /// <summary>
    /// Django's AutocompleteJsonView: the changelist's search (GetSearchResultsAsync: same fields, same terms) over the admin's queryset, in the
    /// admin's ordering ended by the key so pages never overlap; one row past the page says whether more follow.
    /// </summary>
    public override async Task<AutocompletePage> AutocompleteAsync(string? term, int page, CancellationToken cancellationToken)
    {
        var skip = (page - 1L) * AutocompletePageSize;
        if (page < 1 || skip > int.MaxValue) return new AutocompletePage([], More: false);
        var query = BaseQuery();
        var search = new AdminSearchContext<T>(Resolved, context, term ?? "");
        if (search.Terms.Count > 0) query = await admin.GetSearchResultsAsync(search, query, cancellationToken);
        var rows = await Sorting.Apply(query, Resolved.Ordering, Resolved.Key)
            .Skip((int)skip).Take(AutocompletePageSize + 1)
            .ToListAsync(cancellationToken);
        var key = RelatedRows.KeyReader<T>(Resolved.Key);
        var results = rows.Take(AutocompletePageSize).Select(r => (ValueParsing.FormatKey(key(r)), r.ToString() ?? "")).ToList();
        return new AutocompletePage(results, More: rows.Count > AutocompletePageSize);
    }
}
