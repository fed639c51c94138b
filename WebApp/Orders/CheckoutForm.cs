using System.ComponentModel.DataAnnotations;
using WebApp.Accounts;

namespace WebApp.Orders;

/// <summary>What the customer types at checkout: where to send the order and where to write about it.</summary>
public sealed class CheckoutForm
{
    [Required(ErrorMessage = "Enter the email address we should send order updates to.")]
    [DeliverableEmail(ErrorMessage = "Enter a valid email address, such as name@example.com.")]
    [StringLength(EmailAddressRule.MaxLength, ErrorMessage = "The email address can have at most 254 characters.")]
    [Display(Name = "Contact email")]
    public string? ContactEmail { get; set; }

    [Required(ErrorMessage = "Enter the name of the person receiving the order.")]
    [StringLength(200, ErrorMessage = "The name can have at most 200 characters.")]
    [Display(Name = "Full name")]
    public string? ShippingName { get; set; }

    [Required(ErrorMessage = "Enter the street address.")]
    [StringLength(200, ErrorMessage = "Address line 1 can have at most 200 characters.")]
    [Display(Name = "Address line 1")]
    public string? ShippingAddressLine1 { get; set; }

    [StringLength(200, ErrorMessage = "Address line 2 can have at most 200 characters.")]
    [Display(Name = "Address line 2 (optional)")]
    public string? ShippingAddressLine2 { get; set; }

    [Required(ErrorMessage = "Enter the city.")]
    [StringLength(100, ErrorMessage = "The city can have at most 100 characters.")]
    [Display(Name = "City")]
    public string? ShippingCity { get; set; }

    [Required(ErrorMessage = "Enter the postal code.")]
    [StringLength(20, MinimumLength = 2, ErrorMessage = "The postal code must have 2 to 20 characters.")]
    [RegularExpression(@"^\s*[A-Za-z0-9][A-Za-z0-9 \-]*\s*$", ErrorMessage = "The postal code may contain letters, digits, spaces and hyphens only.")]
    [Display(Name = "Postal code")]
    public string? ShippingPostalCode { get; set; }

    [Required(ErrorMessage = "Choose the country.")]
    [StringLength(100, ErrorMessage = "The country can have at most 100 characters.")]
    [Display(Name = "Country")]
    public string? ShippingCountry { get; set; }

    [Required(ErrorMessage = "Choose how we should ship your order.")]
    [StringLength(50)]
    [Display(Name = "Shipping method")]
    public string? ShippingMethod { get; set; }

    [Required(ErrorMessage = "Choose how you would like to pay.")]
    [StringLength(50)]
    [Display(Name = "Payment method")]
    public string? PaymentMethod { get; set; }

    /// <summary>The choices that must come from the shop's lists (the form's own attributes check the rest).</summary>
    public IEnumerable<(string Field, string Message)> ChoiceErrors(CheckoutOptions options)
    {
        if (ShippingCountry is not null && !options.ShipsTo(ShippingCountry))
            yield return (nameof(ShippingCountry), "Choose a country from the list; we do not ship anywhere else yet.");
        if (ShippingMethod is not null && options.FindShipping(ShippingMethod) is null)
            yield return (nameof(ShippingMethod), "Choose one of the shipping methods shown.");
        if (PaymentMethod is not null && options.FindPayment(PaymentMethod) is null)
            yield return (nameof(PaymentMethod), "Choose one of the payment methods shown.");
    }
}

/// <summary>The command that places an order: the customer's cart as reviewed, shipped to the address given.</summary>
public sealed record PlaceOrder
{
    public string CustomerId { get; init; } = "";

    /// <summary>The review step's one-time token (see <see cref="CheckoutTokens"/>).</summary>
    public string IdempotencyKey { get; init; } = "";

    /// <summary>The <see cref="Cart.CartVersion"/> the customer reviewed.</summary>
    public string CartVersion { get; init; } = "";

    public string ContactEmail { get; init; } = "";
    public string ShippingName { get; init; } = "";
    public string ShippingAddressLine1 { get; init; } = "";
    public string? ShippingAddressLine2 { get; init; }
    public string ShippingCity { get; init; } = "";
    public string ShippingPostalCode { get; init; } = "";
    public string ShippingCountry { get; init; } = "";
    public string ShippingMethod { get; init; } = "";
    public string PaymentMethod { get; init; } = "";
}

public enum PlaceOrderOutcome
{
    Placed,
    AlreadyPlaced,
    CartEmpty,
    CartChanged,
    /// <summary>The review step's token is unusable: review again with a new one.</summary>
    Expired,
    Refused,
    Busy,
}

public sealed record PlaceOrderResult(PlaceOrderOutcome Outcome, string Message, string? OrderNumber = null)
{
    public bool Succeeded => Outcome is PlaceOrderOutcome.Placed or PlaceOrderOutcome.AlreadyPlaced;
}
