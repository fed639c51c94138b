using Microsoft.AspNetCore.OutputCaching;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using WebApp.Accounts;
using WebApp.Catalog;
using WebApp.Catalog.Caching;
using WebApp.Catalog.Reviews;
using WebApp.Site.ConditionalGet;

namespace WebApp.Pages.Products;

[OutputCache(PolicyName = CatalogPageCache.PolicyName)]
[EntityTag]
internal sealed class DetailsModel(CatalogQueries catalog, ReviewSubmission reviews, UserManager<ApplicationUser> users) : PageModel
{
    public ProductDetails Product { get; private set; } = null!;

    /// <summary>The signed-in customer's review of this product, shown instead of the review form.</summary>
    public OwnReview? OwnReview { get; private set; }

    public async Task<IActionResult> OnGetAsync(string slug, CancellationToken cancellationToken)
    {
        // Inactive products answer exactly as missing ones do.
        var product = await catalog.FindActiveProductAsync(slug, cancellationToken);
        if (product is null) return NotFound();
        Product = product;
        if (users.GetUserId(User) is { } customerId)
            OwnReview = await reviews.FindOwnReviewAsync(product.Id, customerId, cancellationToken);
        return Page();
    }
}
