using System.Globalization;
using WebApp.Site;

namespace WebApp.Orders;

/// <summary>A way of paying offered at checkout, e.g. "Bank transfer", with what the customer must do.</summary>
public sealed class PaymentMethodOption
{
    public string Name { get; set; } = "";

    /// <summary>Shown under the choice at checkout.</summary>
    public string? Description { get; set; }

    /// <summary>What to do after ordering; {total} and {reference} (the order number) are filled in for the order.</summary>
    public string Instructions { get; set; } = "";

    public string InstructionsFor(string reference, decimal total) => Instructions
        .Replace("{reference}", reference, StringComparison.Ordinal)
        .Replace("{total}", Money.Format(total), StringComparison.Ordinal);
}
