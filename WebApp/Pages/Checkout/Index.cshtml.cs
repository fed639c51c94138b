using System.ComponentModel.DataAnnotations;
using System.Text.Json;
using AutoMapper;
using AutoMapper.QueryableExtensions;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
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
/// carries a one-time token and the cart's version to "Place order". Valid details are kept in TempData and the review
/// is shown by a redirect to a GET (Post/Redirect/Get), so Back and Reload never land on a POST's result (Chromium's
/// ERR_CACHE_MISS page).
/// </summary>
[Authorize]
public sealed class IndexModel(
    CartService carts, OrderPlacement placement, IMapper mapper, UserManager<ApplicationUser> users, AppDbContext db,
    IOptions<CheckoutOptions> checkout) : PageModel
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

    public CheckoutOptions Options => checkout.Value;

    /// <summary>The chosen shipping method (on the review step), else the first one offered.</summary>
    public ShippingMethodOption Shipping => Options.FindShipping(Form.ShippingMethod) ?? Options.ShippingMethods[0];

    public PaymentMethodOption? Payment => Options.FindPayment(Form.PaymentMethod);

    public decimal Total => Cart.Subtotal + Shipping.Price;

    private string CustomerId => users.GetUserId(User) ?? throw new InvalidOperationException("Checkout requires a signed-in customer.");

    /// <summary>TempData key of the details the customer entered, as JSON, until the order is placed.</summary>
    private const string DetailsKey = "Checkout.Details";

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (await LoadCartAsync(cancellationToken) is { } emptyCart) return emptyCart;
        // Start from what the customer entered in this checkout, the details of their last order, or their account's email.
        Form = EnteredDetails()
               ?? await db.Orders.Where(o => o.CustomerId == CustomerId)
                   .OrderByDescending(o => o.CreatedAt).ThenByDescending(o => o.Id)
                   .ProjectTo<CheckoutForm>(mapper.ConfigurationProvider).FirstOrDefaultAsync(cancellationToken)
               ?? new CheckoutForm { ContactEmail = (await users.GetUserAsync(User))?.Email };
        // A method or country the shop no longer offers is not pre-selected.
        if (Options.FindShipping(Form.ShippingMethod) is null) Form.ShippingMethod = Options.ShippingMethods[0].Name;
        if (Options.FindPayment(Form.PaymentMethod) is null) Form.PaymentMethod = null;
        if (!Options.ShipsTo(Form.ShippingCountry)) Form.ShippingCountry = null;
        return Page();
    }

    public async Task<IActionResult> OnPostReviewAsync(CancellationToken cancellationToken)
    {
        if (await LoadCartAsync(cancellationToken) is { } emptyCart) return emptyCart;
        foreach (var (field, message) in Form.ChoiceErrors(Options))
            ModelState.AddModelError($"{nameof(Form)}.{field}", message);
        if (!ModelState.IsValid) return Page();
        if (Cart.HasProblems)
        {
            ModelState.AddModelError("", "Some items in your cart cannot be ordered as they are. Please update your cart first.");
            return Page();
        }
        TempData[DetailsKey] = JsonSerializer.Serialize(Form);
        return RedirectToPage(new { handler = "Review" });
    }

    /// <summary>The review step, reached by the redirect above; without entered details it starts over.</summary>
    public async Task<IActionResult> OnGetReviewAsync(CancellationToken cancellationToken)
    {
        if (await LoadCartAsync(cancellationToken) is { } emptyCart) return emptyCart;
        if (EnteredDetails() is not { } details || !IsValid(details)) return RedirectToPage();
        Form = details;
        if (Cart.HasProblems) return Page();
        ShowReview(CheckoutTokens.New());
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
                TempData.Remove(DetailsKey);
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

    /// <summary>The details entered in this checkout, kept (Peek) so that Reload and Back show them again.</summary>
    private CheckoutForm? EnteredDetails()
    {
        if (TempData.Peek(DetailsKey) is not string json) return null;
        try
        {
            return JsonSerializer.Deserialize<CheckoutForm>(json);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private bool IsValid(CheckoutForm details) =>
        Validator.TryValidateObject(details, new ValidationContext(details), null, validateAllProperties: true)
        && !details.ChoiceErrors(Options).Any();

    /// <summary>Loads the customer's cart; a redirect to the cart page when there is nothing to check out.</summary>
    private async Task<IActionResult?> LoadCartAsync(CancellationToken cancellationToken)
    {
        Cart = await carts.GetCustomerSummaryAsync(CustomerId, cancellationToken);
        if (!Cart.IsEmpty) return null;
        Flash.Error(TempData, "Your cart is empty. Add some products before you check out.");
        return RedirectToPage("/Cart/Index");
    }
}
