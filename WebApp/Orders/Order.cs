using System.ComponentModel.DataAnnotations;
using WebApp.Accounts;
using WebApp.Data;

namespace WebApp.Orders;

public class Order : ITimestamped, IVersioned
{
    public int Id { get; set; }

    [Required, StringLength(20)]
    [Display(Name = "Order number")]
    public string Number { get; set; } = "";

    /// <summary>Null once the customer deleted their account: the order stays, with its personal data replaced.</summary>
    [Display(Name = "Customer")]
    public string? CustomerId { get; set; }
    public ApplicationUser? Customer { get; set; }

    public OrderStatus Status { get; set; } = OrderStatus.Pending;

    [Required, EmailAddress, StringLength(256)]
    [Display(Name = "Contact email")]
    public string ContactEmail { get; set; } = "";

    [Required, StringLength(200)]
    [Display(Name = "Name")]
    public string ShippingName { get; set; } = "";

    [Required, StringLength(200)]
    [Display(Name = "Address line 1")]
    public string ShippingAddressLine1 { get; set; } = "";

    [StringLength(200)]
    [Display(Name = "Address line 2")]
    public string? ShippingAddressLine2 { get; set; }

    [Required, StringLength(100)]
    [Display(Name = "City")]
    public string ShippingCity { get; set; } = "";

    [Required, StringLength(20)]
    [Display(Name = "Postal code")]
    public string ShippingPostalCode { get; set; } = "";

    [Required, StringLength(100)]
    [Display(Name = "Country")]
    public string ShippingCountry { get; set; } = "";

    [Range(typeof(decimal), "0", "99999999.99")]
    [DataType(DataType.Currency)]
    public decimal Subtotal { get; set; }

    /// <summary>The shipping method's name as offered when the order was placed ("Standard", "Express").</summary>
    [StringLength(50)]
    [Display(Name = "Shipping method")]
    public string ShippingMethod { get; set; } = "";

    [Range(typeof(decimal), "0", "99999999.99")]
    [DataType(DataType.Currency)]
    [Display(Name = "Shipping")]
    public decimal ShippingCost { get; set; }

    [StringLength(50)]
    [Display(Name = "Payment method")]
    public string PaymentMethod { get; set; } = "";

    /// <summary>What the customer was told to do to pay, with the amount and reference filled in.</summary>
    [StringLength(1000)]
    [DataType(DataType.MultilineText)]
    [Display(Name = "Payment instructions")]
    public string? PaymentInstructions { get; set; }

    [Range(typeof(decimal), "0", "99999999.99")]
    [DataType(DataType.Currency)]
    public decimal Total { get; set; }

    [Display(Name = "Created")]
    public DateTime CreatedAt { get; set; }

    [Display(Name = "Updated")]
    public DateTime UpdatedAt { get; set; }

    /// <summary>Optimistic-concurrency token, replaced on every save (works on every provider).</summary>
    public Guid Version { get; set; }

    /// <summary>The one-time checkout token the order was placed with: a second submit of that form finds this order.</summary>
    [StringLength(64)]
    public string? IdempotencyKey { get; set; }

    public List<OrderLine> Lines { get; set; } = [];

    public List<OrderStatusChange> StatusChanges { get; set; } = [];

    public override string ToString() => Number;
}
