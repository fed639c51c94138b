using Microsoft.AspNetCore.Mvc.RazorPages;
using WebApp.Catalog;

namespace WebApp.Pages.Categories;

internal sealed class IndexModel(CatalogQueries catalog) : PageModel
{
    public IReadOnlyList<CategorySummary> Categories { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken) =>
        Categories = await catalog.CategoriesAsync(cancellationToken);
}
