using System.Linq.Expressions;
using System.Security.Claims;
using AutoMapper.QueryableExtensions;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using WebApp.Accounts;
using WebApp.Data;

namespace WebApp.Cart;

/// <summary>
/// The cart of the current request: the signed-in customer's, otherwise the one named by the visitor's cart cookie.
/// Every change is checked against the catalog and leaves the cart untouched when refused.
/// </summary>
public sealed class CartService(
    AppDbContext db, AutoMapper.IConfigurationProvider mapping, IOptions<IdentityOptions> identity, ILogger<CartService> logger)
{
    /// <summary>The most of one product a single order may hold.</summary>
    public const int MaxQuantity = 999;

    private const string NotAvailable = "Sorry, that product is not available.";
    private static readonly string TooMany = $"You can order at most {MaxQuantity} of one product at a time.";

    public async Task<CartSummary> GetSummaryAsync(HttpContext http, CancellationToken cancellationToken)
    {
        var owner = FindOwner(http);
        return owner is null ? CartSummary.Empty : await GetSummaryAsync(owner, cancellationToken);
    }

    public Task<CartSummary> GetCustomerSummaryAsync(string customerId, CancellationToken cancellationToken) =>
        GetSummaryAsync(new CartOwner(customerId, null), cancellationToken);

    public async Task<int> CountItemsAsync(HttpContext http, CancellationToken cancellationToken)
    {
        var owner = FindOwner(http);
        if (owner is null) return 0;
        return await db.Set<CartItem>().Where(ItemOwnedBy(owner)).SumAsync(i => i.Quantity, cancellationToken);
    }

    public Task<CartChange> AddAsync(HttpContext http, int productId, int quantity, CancellationToken cancellationToken) =>
        ChangeAsync(http, productId, cancellationToken, (product, inCart) =>
        {
            var wanted = (long)inCart + quantity; // a huge posted quantity must not wrap around
            if (quantity < 1) return (CartChange.Refused("Quantity must be at least 1."), inCart);
            if (product.Stock < 1) return (CartChange.Refused($"{product.Name} is out of stock."), inCart);
            if (wanted > product.Stock)
            {
                var already = inCart == 0 ? "" : $" Your cart already holds {inCart}.";
                return (CartChange.Refused(StockMessages.OnlyLeft(product.Stock, product.Name) + already), inCart);
            }
            if (wanted > MaxQuantity) return (CartChange.Refused(TooMany), inCart);
            return (CartChange.Done($"Added {quantity} × {product.Name} to your cart."), (int)wanted);
        });

    public Task<CartChange> UpdateAsync(HttpContext http, int productId, int quantity, CancellationToken cancellationToken) =>
        ChangeAsync(http, productId, cancellationToken, (product, inCart) =>
        {
            var change =
                inCart == 0 ? CartChange.Refused($"{product.Name} is not in your cart.")
                : quantity < 1 ? CartChange.Refused($"Quantity must be at least 1. To take {product.Name} out of your cart, use Remove.")
                : quantity > product.Stock ? CartChange.Refused(StockMessages.OnlyLeft(product.Stock, product.Name))
                : quantity > MaxQuantity ? CartChange.Refused(TooMany)
                : CartChange.Done($"Your cart now holds {quantity} × {product.Name}.");
            return (change, change.Succeeded ? quantity : inCart);
        });

    public async Task<CartChange> RemoveAsync(HttpContext http, int productId, CancellationToken cancellationToken)
    {
        var owner = FindOwner(http);
        var item = owner is null ? null : await db.Set<CartItem>().Include(i => i.Cart).Include(i => i.Product)
            .Where(ItemOwnedBy(owner)).FirstOrDefaultAsync(i => i.ProductId == productId, cancellationToken);
        if (item is null) return CartChange.Refused("That product is not in your cart.");
        db.Remove(item);
        Touch(item.Cart!);
        await db.SaveChangesAsync(cancellationToken);
        return CartChange.Done($"Removed {item.Product!.Name} from your cart.");
    }

    /// <summary>
    /// Moves the visitor's anonymous cart into the customer's cart on sign-in: quantities of the same product are added
    /// and capped at the stock. The cart cookie is removed.
    /// </summary>
    public async Task MergeAnonymousCartAsync(HttpContext http, string customerId, CancellationToken cancellationToken)
    {
        var key = CartCookie.Read(http);
        if (key is null) return;
        CartCookie.Delete(http);

        var hash = CartCookie.Hash(key);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var anonymous = await db.Set<ShoppingCart>().Include(c => c.Items).ThenInclude(i => i.Product)
            .FirstOrDefaultAsync(c => c.AnonymousKeyHash == hash, cancellationToken);
        if (anonymous is null) return;

        var own = await db.Set<ShoppingCart>().Include(c => c.Items)
            .FirstOrDefaultAsync(c => c.OwnerId == customerId, cancellationToken);
        if (own is null)
        {
            // The customer had no cart: the visitor's cart becomes theirs.
            anonymous.AnonymousKeyHash = null;
            anonymous.OwnerId = customerId;
            foreach (var item in anonymous.Items)
                item.Quantity = CapAtStock(item.Quantity, item.Product!.Stock);
            own = anonymous;
        }
        else
        {
            foreach (var item in anonymous.Items)
            {
                var mine = own.Items.FirstOrDefault(i => i.ProductId == item.ProductId);
                var merged = CapAtStock((mine?.Quantity ?? 0) + item.Quantity, item.Product!.Stock);
                if (mine is null) own.Items.Add(new CartItem { ProductId = item.ProductId, Quantity = merged });
                else mine.Quantity = merged;
            }
            db.Remove(anonymous);
        }
        Touch(own);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        logger.LogInformation("Merged anonymous cart {CartId} into the cart of customer {CustomerId}", anonymous.Id, customerId);
    }

    /// <summary>Marks the cart modified so that the context stamps its UpdatedAt (stale carts are found by it).</summary>
    private void Touch(ShoppingCart cart) => db.Entry(cart).Property(c => c.UpdatedAt).IsModified = true;

    /// <summary>At most the stock, but a sold-out line stays (as 1) so that the customer sees what happened to it.</summary>
    private static int CapAtStock(int quantity, int stock) => Math.Clamp(quantity, 1, Math.Clamp(stock, 1, MaxQuantity));

    private async Task<CartSummary> GetSummaryAsync(CartOwner owner, CancellationToken cancellationToken)
    {
        var lines = await db.Set<CartItem>().Where(ItemOwnedBy(owner)).OrderBy(i => i.Id)
            .ProjectTo<CartLine>(mapping).ToListAsync(cancellationToken);
        var images = await Catalog.ProductImages.PrimaryOfAsync(db, lines.Select(l => l.ProductId).ToList(), cancellationToken);
        foreach (var line in lines) line.Image = images.GetValueOrDefault(line.ProductId);
        return new CartSummary(lines);
    }

    private sealed record ProductFacts(int Id, string Name, int Stock);

    /// <summary>Decides a change from the product and the quantity already in the cart: the message and the new quantity.</summary>
    private delegate (CartChange Change, int Quantity) CartEdit(ProductFacts product, int inCart);

    /// <summary>Loads the product and the cart's line for it, applies the edit, and saves only when it succeeded.</summary>
    private async Task<CartChange> ChangeAsync(HttpContext http, int productId, CancellationToken cancellationToken, CartEdit edit)
    {
        var product = await db.Products.AsNoTracking().Where(p => p.Id == productId && p.IsActive)
            .Select(p => new ProductFacts(p.Id, p.Name, p.Stock)).FirstOrDefaultAsync(cancellationToken);
        if (product is null) return CartChange.Refused(NotAvailable);

        var owner = FindOwner(http);
        var cart = owner is null ? null : await db.Set<ShoppingCart>().Where(CartOwnedBy(owner)).FirstOrDefaultAsync(cancellationToken);
        var line = cart is null ? null : await db.Set<CartItem>()
            .FirstOrDefaultAsync(i => i.CartId == cart.Id && i.ProductId == productId, cancellationToken);

        var (change, quantity) = edit(product, line?.Quantity ?? 0);
        if (!change.Succeeded) return change;

        string? newCookieKey = null;
        if (cart is null)
        {
            cart = new ShoppingCart { OwnerId = owner?.CustomerId };
            if (cart.OwnerId is null)
            {
                // A new visitor, or a cookie naming a cart that is gone: the cookie is written once the cart is saved.
                newCookieKey = CartCookie.NewKey();
                cart.AnonymousKeyHash = CartCookie.Hash(newCookieKey);
            }
            db.Add(cart);
        }
        if (line is null) cart.Items.Add(new CartItem { ProductId = product.Id, Quantity = quantity });
        else line.Quantity = quantity;
        Touch(cart);

        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException exception)
        {
            // Two requests of one visitor raced to create the same cart or line: nothing was saved.
            logger.LogWarning(exception, "Cart change for product {ProductId} collided with another request", productId);
            return CartChange.Refused("Your cart was changed in another window at the same moment. Please try again.");
        }
        if (newCookieKey is not null) CartCookie.Write(http, newCookieKey);
        return change;
    }

    private CartOwner? FindOwner(HttpContext http)
    {
        // The user id claim, as UserManager.GetUserId reads it, without building a UserManager on every page's cart link.
        if (http.User.Identity?.IsAuthenticated == true && http.User.FindFirstValue(identity.Value.ClaimsIdentity.UserIdClaimType) is { } customerId)
            return new CartOwner(customerId, null);
        return CartCookie.Read(http) is { } key ? new CartOwner(null, CartCookie.Hash(key)) : null;
    }

    private static Expression<Func<ShoppingCart, bool>> CartOwnedBy(CartOwner owner) =>
        owner.CustomerId is { } customerId
            ? c => c.OwnerId == customerId
            : c => c.AnonymousKeyHash == owner.AnonymousKeyHash;

    private static Expression<Func<CartItem, bool>> ItemOwnedBy(CartOwner owner) =>
        owner.CustomerId is { } customerId
            ? i => i.Cart!.OwnerId == customerId
            : i => i.Cart!.AnonymousKeyHash == owner.AnonymousKeyHash;

    private sealed record CartOwner(string? CustomerId, string? AnonymousKeyHash);
}
