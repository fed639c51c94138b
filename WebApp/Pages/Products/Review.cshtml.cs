using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using WebApp.Accounts;
using WebApp.Cart;
using WebApp.Catalog.Reviews;
using WebApp.Site;

namespace WebApp.Pages.Products;

/// <summary>A customer writes their one review of a product; afterwards the page shows it and its moderation state.</summary>
[Authorize]
public sealed class WriteReviewModel(ReviewSubmission reviews, UserManager<ApplicationUser> users) : PageModel
{
    [BindProperty]
    public ReviewForm Form { get; set; } = new();

    public ReviewableProduct Product { get; private set; } = null!;

    public OwnReview? OwnReview { get; private set; }

    public async Task<IActionResult> OnGetAsync(string slug, CancellationToken cancellationToken)
    {
        if (await reviews.FindProductAsync(slug, cancellationToken) is not { } product) return NotFound();
        Product = product;
        OwnReview = await reviews.FindOwnReviewAsync(product.Id, users.GetUserId(User)!, cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string slug, CancellationToken cancellationToken)
    {
        if (await reviews.FindProductAsync(slug, cancellationToken) is not { } product) return NotFound();
        Product = product;
        var authorId = users.GetUserId(User)!;
        OwnReview = await reviews.FindOwnReviewAsync(product.Id, authorId, cancellationToken);
        if (OwnReview is null && !ModelState.IsValid) return Page();

        var result = await reviews.SubmitAsync(product, authorId, Form, cancellationToken);
        Flash.Show(TempData, result.Succeeded, result.Message);
        return RedirectToPage(new { slug });
    }
}
