using Microsoft.AspNetCore.OutputCaching;
using Microsoft.AspNetCore.Mvc.RazorPages;
using WebApp.Catalog;
using WebApp.Catalog.Caching;

namespace WebApp.Pages.Categories;

[OutputCache(PolicyName = CatalogPageCache.PolicyName)]
internal sealed class IndexModel(CatalogQueries catalog) : PageModel
{
    public IReadOnlyList<CategorySummary> Categories { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken) =>
        Categories = await catalog.CategoriesAsync(cancellationToken);
}
