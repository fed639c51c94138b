using WebApp.Accounts;
using WebApp.Data;

namespace WebApp.Cart;

/// <summary>
/// A cart kept in the database: a customer's (OwnerId) or an anonymous visitor's (AnonymousKeyHash, from the cart cookie).
/// </summary>
public class ShoppingCart : ITimestamped
{
    public int Id { get; set; }

    public string? OwnerId { get; set; }
    public ApplicationUser? Owner { get; set; }

    /// <summary>SHA-256 of the visitor's cookie value, so a leaked database does not leak live cart cookies.</summary>
    public string? AnonymousKeyHash { get; set; }

    public List<CartItem> Items { get; set; } = [];

    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }
}
