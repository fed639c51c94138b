namespace WebApp.Orders;

/// <summary>A way of shipping offered at checkout, e.g. "Standard" for $4.90.</summary>
public sealed class ShippingMethodOption
{
    public string Name { get; set; } = "";

    public decimal Price { get; set; }

    /// <summary>How long it takes, shown beside the name ("3–5 working days").</summary>
    public string? Description { get; set; }
}
