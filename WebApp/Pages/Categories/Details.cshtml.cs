using Microsoft.AspNetCore.OutputCaching;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using WebApp.Catalog;
using WebApp.Catalog.Caching;
using WebApp.Pages.Shared;

namespace WebApp.Pages.Categories;

[OutputCache(PolicyName = CatalogPageCache.PolicyName)]
internal sealed class DetailsModel(CatalogQueries catalog, ProductListQuery productList) : PageModel
{
    public CategorySummary Category { get; private set; } = null!;
    public ProductListView List { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(string slug, CancellationToken cancellationToken)
    {
        var category = await catalog.FindCategoryAsync(slug, cancellationToken);
        if (category is null) return NotFound();

        Category = category;
        var result = await productList.ListInCategoryAsync(ProductListCriteria.FromQuery(Request.Query), category.Id, cancellationToken);
        List = ProductListView.Create(result, Url.Page("/Categories/Details", new { slug = category.Slug })!);
        return Page();
    }
}
