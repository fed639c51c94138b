using Microsoft.AspNetCore.OutputCaching;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using WebApp.Catalog;
using WebApp.Catalog.Caching;
using WebApp.Site.ConditionalGet;

namespace WebApp.Pages.Products;

[OutputCache(PolicyName = CatalogPageCache.PolicyName)]
[EntityTag]
internal sealed class DetailsModel(CatalogQueries catalog) : PageModel
{
    public ProductDetails Product { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(string slug, CancellationToken cancellationToken)
    {
        // Inactive products answer exactly as missing ones do.
        var product = await catalog.FindActiveProductAsync(slug, cancellationToken);
        if (product is null) return NotFound();
        Product = product;
        return Page();
    }
}
