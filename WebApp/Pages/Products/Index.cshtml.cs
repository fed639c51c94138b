using Microsoft.AspNetCore.OutputCaching;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using WebApp.Catalog;
using WebApp.Catalog.Caching;
using WebApp.Pages.Shared;

namespace WebApp.Pages.Products;

[OutputCache(PolicyName = CatalogPageCache.PolicyName)]
internal sealed class IndexModel(ProductListQuery productList, CatalogQueries catalog) : PageModel
{
    public ProductListView List { get; private set; } = null!;

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var result = await productList.ListAsync(ProductListCriteria.FromQuery(Request.Query), cancellationToken);
        var categories = await catalog.CategoryLinksAsync(cancellationToken);
        List = ProductListView.Create(result, Url.Page("/Products/Index")!, categories);
    }
}
