using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using WebApp.Cart;
using WebApp.Data;
using WebApp.Mail;
using WebApp.Operations;
using WebApp.Site;

namespace WebApp.Orders;

/// <summary>
/// Turns a customer's cart into an order in one transaction: stock is taken with a conditional UPDATE per line (so it
/// can never be oversold or go negative), prices come from the catalog, the confirmation email goes into the outbox,
/// and the cart is emptied. If any line cannot be had, nothing at all changes.
/// </summary>
public sealed class OrderPlacement(
    AppDbContext db, TimeProvider time, IOptions<CheckoutOptions> checkout, IOptions<SiteOptions> site,
    IOptions<Media.MediaOptions> media, ILogger<OrderPlacement> logger, ShopMetrics metrics)
{
    public const string CustomerActor = "Customer";
    private const int MaxAttempts = 3;

    private static readonly PlaceOrderResult Expired =
        new(PlaceOrderOutcome.Expired, "Your checkout page has expired. Please review your order again.");

    public async Task<PlaceOrderResult> PlaceAsync(PlaceOrder command, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(command.CustomerId);
        if (!CheckoutTokens.IsWellFormed(command.IdempotencyKey)) return Expired;

        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await PlaceOnceAsync(command, cancellationToken);
            }
            catch (Exception exception) when (DatabaseProviders.IsBusy(exception))
            {
                db.ChangeTracker.Clear();
                if (attempt == MaxAttempts)
                {
                    logger.LogWarning(exception, "Checkout of customer {CustomerId} gave up: the database stayed busy", command.CustomerId);
                    return new(PlaceOrderOutcome.Busy,
                        "The shop is very busy right now and your order has not been placed. Please try again in a moment.");
                }
                await Task.Delay(TimeSpan.FromMilliseconds(Random.Shared.Next(50, 200) * attempt), cancellationToken);
            }
        }
    }

    private sealed record OrderableLine(int ProductId, int Quantity, string Name, string Sku, decimal UnitPrice, bool IsActive);

    private async Task<PlaceOrderResult> PlaceOnceAsync(PlaceOrder command, CancellationToken cancellationToken)
    {
        // Leaving this method without CommitAsync rolls back everything done inside it.
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        // Checkouts of one customer queue here, on their cart's row, so that a second submit of the same token finds the
        // first one's order instead of racing it for the stock (on a server database transactions really run at once).
        await db.Set<ShoppingCart>().Where(c => c.OwnerId == command.CustomerId)
            .ExecuteUpdateAsync(s => s.SetProperty(c => c.UpdatedAt, c => c.UpdatedAt), cancellationToken);

        if (await FindPlacedAsync(command, cancellationToken) is { } placedBefore) return placedBefore;

        var cartId = await db.Set<ShoppingCart>().Where(c => c.OwnerId == command.CustomerId)
            .Select(c => (int?)c.Id).FirstOrDefaultAsync(cancellationToken);
        var lines = await db.Set<CartItem>().Where(i => i.CartId == cartId).OrderBy(i => i.Id)
            .Select(i => new OrderableLine(i.ProductId, i.Quantity, i.Product!.Name, i.Product.Sku, i.Product.Price, i.Product.IsActive))
            .ToListAsync(cancellationToken);
        if (lines.Count == 0)
            return new(PlaceOrderOutcome.CartEmpty, "Your cart is empty, so there is nothing to order.");
        if (CartVersion.Of(lines.Select(l => (l.ProductId, l.Quantity, l.UnitPrice))) != command.CartVersion)
            return new(PlaceOrderOutcome.CartChanged,
                "Your cart or its prices changed since you reviewed your order. Please check the order below and place it again.");

        if (checkout.Value.FindShipping(command.ShippingMethod) is not { } shipping
            || checkout.Value.FindPayment(command.PaymentMethod) is not { } payment
            || !checkout.Value.ShipsTo(command.ShippingCountry))
            return Expired;

        var now = time.GetUtcNow().UtcDateTime;
        foreach (var line in lines)
        {
            if (!line.IsActive)
                return Refused($"Sorry, {line.Name} is no longer available. Please remove it from your cart.");
            var taken = await db.Products
                .Where(p => p.Id == line.ProductId && p.IsActive && p.Stock >= line.Quantity)
                .ExecuteUpdateAsync(s => s
                    .SetProperty(p => p.Stock, p => p.Stock - line.Quantity)
                    .SetProperty(p => p.Version, Guid.NewGuid())
                    .SetProperty(p => p.UpdatedAt, now), cancellationToken);
            if (taken == 0)
            {
                var left = await db.Products.Where(p => p.Id == line.ProductId).Select(p => p.Stock).FirstAsync(cancellationToken);
                metrics.CheckoutRefusedForStock();
                return Refused(StockMessages.OnlyLeft(left, line.Name) + " Your order has not been placed; please update your cart.");
            }
        }

        var order = new Order
        {
            CustomerId = command.CustomerId,
            IdempotencyKey = command.IdempotencyKey,
            Status = OrderStatus.Pending,
            ContactEmail = command.ContactEmail,
            ShippingName = command.ShippingName,
            ShippingAddressLine1 = command.ShippingAddressLine1,
            ShippingAddressLine2 = command.ShippingAddressLine2,
            ShippingCity = command.ShippingCity,
            ShippingPostalCode = command.ShippingPostalCode,
            ShippingCountry = command.ShippingCountry,
            ShippingMethod = shipping.Name,
            ShippingCost = shipping.Price,
            PaymentMethod = payment.Name,
            Lines = lines.Select(l => new OrderLine
            {
                ProductId = l.ProductId,
                ProductName = l.Name,
                ProductSku = l.Sku,
                UnitPrice = l.UnitPrice,
                Quantity = l.Quantity,
            }).ToList(),
            CreatedAt = now,
        };
        order.Subtotal = order.Lines.Sum(l => l.LineTotal);
        order.Total = order.Subtotal + order.ShippingCost;
        order.StatusChanges.Add(new OrderStatusChange { ToStatus = OrderStatus.Pending, Actor = CustomerActor, ChangedAt = now });
        db.Orders.Add(order);
        var confirmation = db.Set<OutboxMessage>().Add(new OutboxMessage { CreatedAt = now, NextAttemptAt = now }).Entity;

        if (!await SaveWithUniqueNumberAsync(order, payment, confirmation, cancellationToken))
        {
            // The unique index on the idempotency key stopped a second order: the first one stands.
            db.ChangeTracker.Clear();
            return await FindPlacedAsync(command, cancellationToken) ?? Expired;
        }
        await db.Set<CartItem>().Where(i => i.CartId == cartId).ExecuteDeleteAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);

        logger.LogInformation("Order {OrderNumber} placed by customer {CustomerId} for {Total}", order.Number, order.CustomerId, order.Total);
        metrics.OrderPlaced();
        return new(PlaceOrderOutcome.Placed, $"Thank you! Your order {order.Number} has been placed.", order.Number);
    }

    /// <summary>Draws order numbers until one is free; false when the order itself turned out to be a duplicate.</summary>
    private async Task<bool> SaveWithUniqueNumberAsync(
        Order order, PaymentMethodOption payment, OutboxMessage confirmation, CancellationToken cancellationToken)
    {
        var images = await Catalog.ProductImages.MailUrlsAsync(db, media.Value.PublicBaseUrl, order.Lines.Select(l => l.ProductId).ToList(), cancellationToken);
        for (var draw = 1; draw <= 5; draw++)
        {
            order.Number = OrderNumbers.New();
            if (await db.Orders.AnyAsync(o => o.Number == order.Number, cancellationToken)) continue;
            // The order number is the payment reference.
            order.PaymentInstructions = payment.InstructionsFor(order.Number, order.Total);
            var email = OrderEmails.Confirmation(order, site.Value, images);
            (confirmation.To, confirmation.Subject, confirmation.HtmlBody) = (email.To, email.Subject, email.HtmlBody);
            try
            {
                await db.SaveChangesAsync(cancellationToken);
                return true;
            }
            catch (DbUpdateException exception)
            {
                // The failed save was rolled back to its savepoint: the transaction and the tracked entities are intact.
                if (await db.Orders.AnyAsync(o => o.IdempotencyKey == order.IdempotencyKey, cancellationToken))
                {
                    logger.LogInformation(exception, "A second submit of checkout token {Key} was stopped by the unique index", order.IdempotencyKey);
                    return false;
                }
                // Otherwise another checkout took the same number between the check and the insert: draw again.
                if (!await db.Orders.AnyAsync(o => o.Number == order.Number, cancellationToken)) throw;
            }
        }
        throw new InvalidOperationException("Five order numbers in a row were taken: the number space is running out.");
    }

    /// <summary>The outcome for a token that already placed an order: that order, or (another customer's token) expiry.</summary>
    private async Task<PlaceOrderResult?> FindPlacedAsync(PlaceOrder command, CancellationToken cancellationToken)
    {
        var placed = await db.Orders.Where(o => o.IdempotencyKey == command.IdempotencyKey)
            .Select(o => new { o.Number, o.CustomerId }).FirstOrDefaultAsync(cancellationToken);
        if (placed is null) return null;
        if (placed.CustomerId != command.CustomerId) return Expired;
        return new(PlaceOrderOutcome.AlreadyPlaced,
            $"Your order {placed.Number} has already been placed; it was not placed twice.", placed.Number);
    }

    private static PlaceOrderResult Refused(string message) => new(PlaceOrderOutcome.Refused, message);
}
