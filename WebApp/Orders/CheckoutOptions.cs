using System.ComponentModel.DataAnnotations;

namespace WebApp.Orders;

/// <summary>
/// What checkout offers (section "Checkout" of appsettings.json): shipping methods with prices, payment methods with
/// the instructions the customer gets, and the countries the shop ships to. Orders keep the name, price and
/// instructions they were placed with, so changing these settings never changes a past order.
/// </summary>
public sealed class CheckoutOptions
{
    public const string SectionName = "Checkout";

    public List<ShippingMethodOption> ShippingMethods { get; set; } = [];

    public List<PaymentMethodOption> PaymentMethods { get; set; } = [];

    public List<string> Countries { get; set; } = [];

    public ShippingMethodOption? FindShipping(string? name) =>
        ShippingMethods.FirstOrDefault(m => string.Equals(m.Name, name, StringComparison.Ordinal));

    public PaymentMethodOption? FindPayment(string? name) =>
        PaymentMethods.FirstOrDefault(m => string.Equals(m.Name, name, StringComparison.Ordinal));

    public bool ShipsTo(string? country) => Countries.Contains(country?.Trim() ?? "", StringComparer.Ordinal);

    /// <summary>Start-up check: every list filled, names unique, prices not negative.</summary>
    public IEnumerable<string> Problems()
    {
        if (ShippingMethods.Count == 0) yield return "Checkout:ShippingMethods must list at least one shipping method.";
        if (PaymentMethods.Count == 0) yield return "Checkout:PaymentMethods must list at least one payment method.";
        if (Countries.Count == 0) yield return "Checkout:Countries must list at least one country.";
        foreach (var method in ShippingMethods.Where(m => string.IsNullOrWhiteSpace(m.Name) || m.Price < 0))
            yield return $"Checkout:ShippingMethods: \"{method.Name}\" needs a name and a price of 0 or more.";
        foreach (var method in PaymentMethods.Where(m => string.IsNullOrWhiteSpace(m.Name) || string.IsNullOrWhiteSpace(m.Instructions)))
            yield return $"Checkout:PaymentMethods: \"{method.Name}\" needs a name and instructions.";
        if (ShippingMethods.GroupBy(m => m.Name).Any(g => g.Count() > 1)) yield return "Checkout:ShippingMethods: names must be unique.";
        if (PaymentMethods.GroupBy(m => m.Name).Any(g => g.Count() > 1)) yield return "Checkout:PaymentMethods: names must be unique.";
    }
}
