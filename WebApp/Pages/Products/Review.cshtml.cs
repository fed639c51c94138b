using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using WebApp.Accounts;
using WebApp.Cart;
using WebApp.Catalog.Reviews;
using WebApp.Site;

namespace WebApp.Pages.Products;

/// <summary>
/// A customer writes their one review of a product; afterwards the page shows it and its moderation state, and
/// <c>?edit=true</c> lets them rewrite it.
/// </summary>
[Authorize]
public sealed class WriteReviewModel(ReviewSubmission reviews, UserManager<ApplicationUser> users) : PageModel
{
    [BindProperty]
    public ReviewForm Form { get; set; } = new();

    public ReviewableProduct Product { get; private set; } = null!;

    public OwnReview? OwnReview { get; private set; }

    /// <summary>The form holds the customer's existing review, to be rewritten.</summary>
    public bool Editing { get; private set; }

    public async Task<IActionResult> OnGetAsync(string slug, bool edit, CancellationToken cancellationToken)
    {
        if (await reviews.FindProductAsync(slug, cancellationToken) is not { } product) return NotFound();
        Product = product;
        OwnReview = await reviews.FindOwnReviewAsync(product.Id, users.GetUserId(User)!, cancellationToken);
        if (edit && OwnReview is { } review)
        {
            Editing = true;
            Form = new ReviewForm { Rating = review.Rating, Title = review.Title, Body = review.Body };
        }
        return Page();
    }

    public async Task<IActionResult> OnPostEditAsync(string slug, CancellationToken cancellationToken)
    {
        if (await reviews.FindProductAsync(slug, cancellationToken) is not { } product) return NotFound();
        Product = product;
        if (!ModelState.IsValid)
        {
            Editing = true;
            return Page();
        }
        var result = await reviews.UpdateAsync(product, users.GetUserId(User)!, Form, cancellationToken);
        Flash.Show(TempData, result.Succeeded, result.Message);
        return RedirectToPage(new { slug });
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
