using Microsoft.AspNetCore.OutputCaching;
using Microsoft.AspNetCore.Mvc.RazorPages;
using WebApp.Catalog;
using WebApp.Catalog.Caching;

namespace WebApp.Pages;

[OutputCache(PolicyName = CatalogPageCache.PolicyName)]
internal sealed class IndexModel(CatalogQueries catalog) : PageModel
{
    public const int NewestProductCount = 8;

    public IReadOnlyList<CategorySummary> Categories { get; private set; } = [];
    public IReadOnlyList<ProductListItem> NewestProducts { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Categories = await catalog.CategoriesAsync(cancellationToken);
        NewestProducts = await catalog.NewestProductsAsync(NewestProductCount, cancellationToken);
    }
}
