using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace WebApp.Cart;

/// <summary>One line of a cart as the cart and checkout pages show it.</summary>
public sealed class CartLine
{
    public int ProductId { get; set; }
    public string ProductName { get; set; } = "";
    public string ProductSlug { get; set; } = "";
    public string ProductSku { get; set; } = "";
    public decimal UnitPrice { get; set; }
    public int Quantity { get; set; }
    public int Stock { get; set; }
    public bool IsAvailable { get; set; }

    /// <summary>The product's primary image (read after the lines), or null.</summary>
    public Media.MediaImage? Image { get; set; }

    public decimal LineTotal => UnitPrice * Quantity;

    /// <summary>The most the customer may put in the cart now (at least 1, so the form stays usable).</summary>
    public int MaxQuantity => Math.Clamp(Stock, 1, CartService.MaxQuantity);

    /// <summary>Why this line cannot be ordered as it is, or null when it can.</summary>
    public string? Problem =>
        !IsAvailable ? "No longer available: please remove it."
        : Stock == 0 ? "Out of stock: please remove it."
        : Quantity > Stock ? StockMessages.OnlyLeft(Stock, ProductName) + " Please lower the quantity."
        : null;
}

public sealed class CartSummary(IReadOnlyList<CartLine> lines)
{
    public static CartSummary Empty { get; } = new([]);

    public IReadOnlyList<CartLine> Lines { get; } = lines;
    public bool IsEmpty => Lines.Count == 0;
    public int ItemCount => Lines.Sum(l => l.Quantity);
    public decimal Subtotal => Lines.Sum(l => l.LineTotal);
    public bool HasProblems => Lines.Any(l => l.Problem is not null);

    /// <summary>Changes whenever a product, quantity or price in the cart changes.</summary>
    public string Version => CartVersion.Of(Lines.Select(l => (l.ProductId, l.Quantity, l.UnitPrice)));
}

/// <summary>A fingerprint of a cart's contents and prices: checkout places only the order the customer reviewed.</summary>
public static class CartVersion
{
    public static string Of(IEnumerable<(int ProductId, int Quantity, decimal UnitPrice)> lines)
    {
        var text = new StringBuilder();
        foreach (var (productId, quantity, unitPrice) in lines.OrderBy(l => l.ProductId))
            text.Append(CultureInfo.InvariantCulture, $"{productId}:{quantity}:{decimal.Round(unitPrice, 2):0.00};");
        return Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString())), 0, 16);
    }
}

public static class StockMessages
{
    public static string OnlyLeft(int left, string productName) =>
        left <= 0 ? $"Only 0 left of {productName}: it has sold out." : $"Only {left} left of {productName}.";
}

/// <summary>The outcome of a change to the cart, with the message for the customer.</summary>
public sealed record CartChange(bool Succeeded, string Message)
{
    public static CartChange Done(string message) => new(true, message);
    public static CartChange Refused(string message) => new(false, message);
}

/// <summary>What Html.AddToCartForm (AddToCartFormHtml) needs to render a product's "Add to cart" form.</summary>
public sealed record AddToCartForm(int ProductId, int Stock, bool IsActive = true)
{
    public bool CanAdd => IsActive && Stock > 0;
    public int MaxQuantity => Math.Clamp(Stock, 1, CartService.MaxQuantity);
}
