namespace WebApp.Orders;

/// <summary>A row of "My orders".</summary>
public sealed class OrderSummaryView
{
    public string Number { get; set; } = "";
    public DateTime CreatedAt { get; set; }
    public OrderStatus Status { get; set; }
    public decimal Total { get; set; }
    public int ItemCount { get; set; }
}

public sealed record OrderPage(IReadOnlyList<OrderSummaryView> Orders, int Page, int PageCount, int TotalCount)
{
    public bool HasPrevious => Page > 1;
    public bool HasNext => Page < PageCount;
}

/// <summary>An order as its customer sees it.</summary>
public sealed class OrderDetailsView
{
    public int Id { get; set; }
    public string Number { get; set; } = "";
    public DateTime CreatedAt { get; set; }
    public OrderStatus Status { get; set; }
    public Guid Version { get; set; }
    public string ContactEmail { get; set; } = "";
    public string ShippingName { get; set; } = "";
    public string ShippingAddressLine1 { get; set; } = "";
    public string? ShippingAddressLine2 { get; set; }
    public string ShippingCity { get; set; } = "";
    public string ShippingPostalCode { get; set; } = "";
    public string ShippingCountry { get; set; } = "";
    public decimal Subtotal { get; set; }
    public string ShippingMethod { get; set; } = "";
    public decimal ShippingCost { get; set; }
    public string PaymentMethod { get; set; } = "";
    public string? PaymentInstructions { get; set; }
    public decimal Total { get; set; }
    public List<OrderLineView> Lines { get; set; } = [];
    public List<OrderHistoryView> History { get; set; } = [];

    /// <summary>Customers may cancel only what nobody has paid for or handled yet.</summary>
    public bool CustomerCanCancel => Status == OrderStatus.Pending;

    /// <summary>What the customer must do now, or what happens next, in one sentence.</summary>
    public string NextStep => Status switch
    {
        OrderStatus.Pending => PaymentInstructions ?? "We are preparing your order.",
        OrderStatus.Paid => "We have your payment and are packing your order. We will email you when it ships.",
        OrderStatus.Shipped => $"Your order is on its way ({ShippingMethod}). Nothing to do but wait for the courier.",
        OrderStatus.Delivered => "Your order has been delivered. Enjoy it, and tell others what you think in a review.",
        OrderStatus.Cancelled => "This order is cancelled. Nothing more will happen; any payment is refunded.",
        _ => "",
    };
}

public sealed class OrderLineView
{
    public string ProductName { get; set; } = "";
    public string ProductSku { get; set; } = "";
    public decimal UnitPrice { get; set; }
    public int Quantity { get; set; }
    public decimal LineTotal => UnitPrice * Quantity;
}

public sealed class OrderHistoryView
{
    public OrderStatus ToStatus { get; set; }
    public DateTime ChangedAt { get; set; }
}
