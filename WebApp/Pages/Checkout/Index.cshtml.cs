using AutoMapper;
using AutoMapper.QueryableExtensions;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using WebApp.Accounts;
using WebApp.Cart;
using WebApp.Data;
using WebApp.Orders;
using WebApp.Site;

namespace WebApp.Pages.Checkout;

public enum CheckoutStep
{
    Details,
    Review,
}

/// <summary>
/// Checkout in two steps without JavaScript: contact and shipping details, then a review of lines and totals that
/// carries a one-time token and the cart's version to "Place order".
/// </summary>
[Authorize]
public sealed class IndexModel(
    CartService carts, OrderPlacement placement, IMapper mapper, UserManager<ApplicationUser> users, AppDbContext db) : PageModel
{
    [BindProperty]
    public CheckoutForm Form { get; set; } = new();

    [BindProperty]
    public string? IdempotencyKey { get; set; }

    [BindProperty]
    public string? CartVersion { get; set; }

    public CartSummary Cart { get; private set; } = CartSummary.Empty;

    public CheckoutStep Step { get; private set; } = CheckoutStep.Details;

    /// <summary>Why the order could not be placed (shown on the review step).</summary>
    public string? ProblemMessage { get; private set; }

    public bool CanPlaceOrder => Step == CheckoutStep.Review && !Cart.HasProblems;

    private string CustomerId => users.GetUserId(User) ?? throw new InvalidOperationException("Checkout requires a signed-in customer.");

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (await LoadCartAsync(cancellationToken) is { } emptyCart) return emptyCart;
        // Start from the details of the customer's last order, or their account's email.
        Form = await db.Orders.Where(o => o.CustomerId == CustomerId)
                   .OrderByDescending(o => o.CreatedAt).ThenByDescending(o => o.Id)
                   .ProjectTo<CheckoutForm>(mapper.ConfigurationProvider).FirstOrDefaultAsync(cancellationToken)
               ?? new CheckoutForm { ContactEmail = (await users.GetUserAsync(User))?.Email };
        return Page();
    }

    public async Task<IActionResult> OnPostReviewAsync(CancellationToken cancellationToken)
    {
        if (await LoadCartAsync(cancellationToken) is { } emptyCart) return emptyCart;
        if (!ModelState.IsValid) return Page();
        if (Cart.HasProblems)
        {
            ModelState.AddModelError("", "Some items in your cart cannot be ordered as they are. Please update your cart first.");
            return Page();
        }
        ShowReview(CheckoutTokens.New());
        return Page();
    }

    public async Task<IActionResult> OnPostEditAsync(CancellationToken cancellationToken)
    {
        if (await LoadCartAsync(cancellationToken) is { } emptyCart) return emptyCart;
        ModelState.Clear();
        return Page();
    }

    public async Task<IActionResult> OnPostPlaceAsync(CancellationToken cancellationToken)
    {
        if (!ModelState.IsValid)
        {
            if (await LoadCartAsync(cancellationToken) is { } emptyCart) return emptyCart;
            return Page();
        }

        var command = mapper.Map<PlaceOrder>(Form) with
        {
            CustomerId = CustomerId,
            IdempotencyKey = IdempotencyKey ?? "",
            CartVersion = CartVersion ?? "",
        };
        var result = await placement.PlaceAsync(command, cancellationToken);
        switch (result.Outcome)
        {
            case PlaceOrderOutcome.Placed or PlaceOrderOutcome.AlreadyPlaced:
                Flash.Success(TempData, result.Message);
                return RedirectToPage("/Orders/Details", new { number = result.OrderNumber });
            case PlaceOrderOutcome.CartEmpty:
                Flash.Error(TempData, result.Message);
                return RedirectToPage("/Cart/Index");
            default:
                // Changed, expired, refused or busy: show the review again with the message and the cart as it is now.
                Cart = await carts.GetCustomerSummaryAsync(CustomerId, cancellationToken);
                if (Cart.IsEmpty) return RedirectToPage("/Cart/Index");
                ShowReview(result.Outcome == PlaceOrderOutcome.Expired ? CheckoutTokens.New() : IdempotencyKey!);
                ProblemMessage = result.Message;
                return Page();
        }
    }

    private void ShowReview(string idempotencyKey)
    {
        Step = CheckoutStep.Review;
        IdempotencyKey = idempotencyKey;
        CartVersion = Cart.Version;
        // The hidden inputs must carry these values, not the ones just posted.
        ModelState.Remove(nameof(IdempotencyKey));
        ModelState.Remove(nameof(CartVersion));
    }

    /// <summary>Loads the customer's cart; a redirect to the cart page when there is nothing to check out.</summary>
    private async Task<IActionResult?> LoadCartAsync(CancellationToken cancellationToken)
    {
        Cart = await carts.GetCustomerSummaryAsync(CustomerId, cancellationToken);
        if (!Cart.IsEmpty) return null;
        Flash.Error(TempData, "Your cart is empty. Add some products before you check out.");
        return RedirectToPage("/Cart/Index");
    }
}
