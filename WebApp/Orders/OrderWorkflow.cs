using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using WebApp.Admin;
using WebApp.Data;
using WebApp.Mail;
using WebApp.Site;

namespace WebApp.Orders;

/// <summary>The outcome of a status change, with the message to show whoever asked for it.</summary>
public sealed record OrderStatusChangeResult(bool Succeeded, string Message, OrderStatus? Status = null)
{
    public static OrderStatusChangeResult OrderNotFound { get; } = new(false, "The order does not exist.");
}

/// <summary>Who moves an order: a name for the order's timeline and, for a signed-in person, their user id for the history log.</summary>
public sealed record OrderActor(string Name, string? UserId = null)
{
    public static implicit operator OrderActor(string name) => new(name);
}

/// <summary>
/// The order's life: Pending → Paid → Shipped → Delivered, or Cancelled from Pending or Paid. Every change is one
/// transaction that also records the history, returns the stock of a cancelled order and puts the customer's email in
/// the outbox. Used by the customer's "Cancel order" and by the admin's status actions.
/// </summary>
public sealed class OrderWorkflow(
    AppDbContext db, IAdminHistory history, TimeProvider time, IOptions<SiteOptions> site, ILogger<OrderWorkflow> logger)
{
    private static readonly Dictionary<OrderStatus, OrderStatus[]> Moves = new()
    {
        [OrderStatus.Pending] = [OrderStatus.Paid, OrderStatus.Cancelled],
        [OrderStatus.Paid] = [OrderStatus.Shipped, OrderStatus.Cancelled],
        [OrderStatus.Shipped] = [OrderStatus.Delivered],
        [OrderStatus.Delivered] = [],
        [OrderStatus.Cancelled] = [],
    };

    /// <summary>The statuses an order in <paramref name="from"/> may move to (for the admin's action buttons).</summary>
    public static IReadOnlyList<OrderStatus> NextStatuses(OrderStatus from) => Moves[from];

    public static bool CanMove(OrderStatus from, OrderStatus to) => Moves[from].Contains(to);

    /// <summary>Why an order in <paramref name="from"/> cannot move to <paramref name="to"/>, or null when it can.</summary>
    public static string? WhyNot(OrderStatus from, OrderStatus to) =>
        CanMove(from, to) ? null
        : from == to ? $"The order is already {from}."
        : to == OrderStatus.Cancelled ? $"An order that is {from} cannot be cancelled."
        : $"An order that is {from} cannot be marked {to}.";

    /// <summary>Moves the order to <paramref name="target"/> on behalf of <paramref name="actor"/> (a user name or process).</summary>
    public Task<OrderStatusChangeResult> ChangeStatusAsync(
        int orderId, OrderStatus target, OrderActor actor, CancellationToken cancellationToken) =>
        ChangeStatusAsync(orderId, target, actor, expectedVersion: null, cancellationToken);

    /// <summary>
    /// As above, but refused if the order is no longer at <paramref name="expectedVersion"/> (the Version the person
    /// was looking at), so nobody acts on a stale page.
    /// </summary>
    public async Task<OrderStatusChangeResult> ChangeStatusAsync(
        int orderId, OrderStatus target, OrderActor actor, Guid? expectedVersion, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(actor.Name);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var order = await db.Orders.Include(o => o.Lines).FirstOrDefaultAsync(o => o.Id == orderId, cancellationToken);
        if (order is null) return OrderStatusChangeResult.OrderNotFound;
        return await ApplyAsync(order, target, actor, expectedVersion, transaction, cancellationToken);
    }

    /// <summary>The customer's own "Cancel order": only their order, only while it is Pending.</summary>
    public async Task<OrderStatusChangeResult> CancelForCustomerAsync(
        string number, string customerId, Guid expectedVersion, CancellationToken cancellationToken)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var order = await db.Orders.Include(o => o.Lines)
            .FirstOrDefaultAsync(o => o.Number == number && o.CustomerId == customerId, cancellationToken);
        if (order is null) return OrderStatusChangeResult.OrderNotFound;
        if (order.Status == OrderStatus.Paid)
            return new(false, "An order that is Paid can no longer be cancelled here. Please contact us and we will help.", order.Status);
        return await ApplyAsync(order, OrderStatus.Cancelled, new OrderActor(OrderPlacement.CustomerActor, customerId), expectedVersion,
            transaction, cancellationToken);
    }

    private async Task<OrderStatusChangeResult> ApplyAsync(
        Order order, OrderStatus target, OrderActor actor, Guid? expectedVersion,
        Microsoft.EntityFrameworkCore.Storage.IDbContextTransaction transaction, CancellationToken cancellationToken)
    {
        const string changedMeanwhile = "The order was changed by someone else in the meantime. Please look at it again and retry.";
        if (expectedVersion is { } version && version != order.Version)
            return new(false, changedMeanwhile, order.Status);
        if (WhyNot(order.Status, target) is { } reason)
            return new(false, reason, order.Status);

        var from = order.Status;
        var now = time.GetUtcNow().UtcDateTime;
        order.Status = target;
        db.Add(new OrderStatusChange { OrderId = order.Id, FromStatus = from, ToStatus = target, Actor = actor.Name, ChangedAt = now });
        if (target == OrderStatus.Cancelled)
        {
            foreach (var line in order.Lines)
            {
                await db.Products.Where(p => p.Id == line.ProductId)
                    .ExecuteUpdateAsync(s => s
                        .SetProperty(p => p.Stock, p => p.Stock + line.Quantity)
                        .SetProperty(p => p.Version, Guid.NewGuid())
                        .SetProperty(p => p.UpdatedAt, now), cancellationToken);
            }
        }
        // A deleted customer's order has a placeholder address and nobody to tell.
        if (order.CustomerId is not null) db.Add(OutboxMessage.For(OrderEmails.StatusChanged(order, site.Value), now));
        try
        {
            // The UPDATE checks Version, so a change committed since the order was read fails here (other providers).
            // The history log gets the status change (old → new) in the same transaction.
            await history.SaveWithHistoryAsync(db, [new HistoryRecord(db.Entry(order), LogAction.Change)], actor.UserId, cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            return new(false, changedMeanwhile, from);
        }
        logger.LogInformation("Order {OrderNumber} moved from {From} to {To} by {Actor}", order.Number, from, target, actor.Name);
        var done = target == OrderStatus.Cancelled
            ? $"Order {order.Number} has been cancelled and its items are back in stock."
            : $"Order {order.Number} is now {target}.";
        return new(true, done, target);
    }
}
