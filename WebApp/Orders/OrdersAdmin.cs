using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using WebApp.Admin;

namespace WebApp.Orders;

internal sealed class OrderAdmin : ModelAdmin<Order>
{
    public OrderAdmin() : base("orders")
    {
        ListDisplay =
        [
            Column(o => o.Number),
            Column(o => o.Customer!.Email, "Customer email"),
            Column(o => o.Status),
            Column(o => o.Total),
            Column(o => o.CreatedAt),
        ];
        ListFilter = [Filter(o => o.Status), Filter(o => o.CreatedAt)];
        SearchFields = ["=Number", "Customer.Email", "ContactEmail"];
        Ordering = ["-CreatedAt"];
        AutocompleteFields = [o => o.Customer];
        DateHierarchy = o => o.CreatedAt;
        Fieldsets =
        [
            new(null, [o => o.Number, o => o.Customer, o => o.Status, o => o.ContactEmail]),
            new("Shipping address",
                [o => o.ShippingName, o => o.ShippingAddressLine1, o => o.ShippingAddressLine2, o => new { o.ShippingPostalCode, o.ShippingCity }, o => o.ShippingCountry]),
            new("Amounts", [o => new { o.Subtotal, o.Total }]),
            new("Dates", [o => o.CreatedAt, o => o.UpdatedAt]) { Collapsed = true },
        ];
        // The status moves only through the workflow's actions, which return stock and email the customer; an order
        // stays with the customer who placed it.
        ReadonlyFields = [o => o.Number, o => o.Customer, o => o.Status, o => o.Subtotal, o => o.Total, o => o.CreatedAt, o => o.UpdatedAt];
        Actions =
        [
            Action("mark_paid", "Mark selected orders paid", AdminOperation.Change, (c, s, t) => MoveAsync(c, s, OrderStatus.Paid, t)),
            Action("mark_shipped", "Mark selected orders shipped", AdminOperation.Change, (c, s, t) => MoveAsync(c, s, OrderStatus.Shipped, t)),
            Action("mark_delivered", "Mark selected orders delivered", AdminOperation.Change, (c, s, t) => MoveAsync(c, s, OrderStatus.Delivered, t)),
            Action("cancel", "Cancel selected orders", AdminOperation.Change, (c, s, t) => MoveAsync(c, s, OrderStatus.Cancelled, t)),
        ];
        Inlines = [new OrderLineInline()];
    }

    /// <summary>Orders come from checkout, never from a blank form.</summary>
    public override bool HasAddPermission(AdminUser user) => false;

    /// <summary>Moves each selected order through the workflow; a refused move is reported and the others go ahead.</summary>
    private static async Task<IActionResult?> MoveAsync(
        AdminActionContext<Order> context, IQueryable<Order> selected, OrderStatus target, CancellationToken cancellationToken)
    {
        var workflow = context.Services.GetRequiredService<OrderWorkflow>();
        var actor = new OrderActor(context.User.Name, context.User.Id);
        foreach (var orderId in await selected.OrderBy(o => o.Id).Select(o => o.Id).ToListAsync(cancellationToken))
        {
            var result = await workflow.ChangeStatusAsync(orderId, target, actor, cancellationToken);
            if (result.Succeeded) context.Message(result.Message);
            else context.Warning(result.Message);
        }
        return null;
    }
}

internal sealed class OrderLineAdmin : ModelAdmin<OrderLine>
{
    public OrderLineAdmin() : base("orders")
    {
        ListDisplay =
        [
            Column(l => l.Order!.Number, "Order"),
            Column(l => l.ProductName),
            Column(l => l.ProductSku),
            Column(l => l.UnitPrice),
            Column(l => l.Quantity),
        ];
        SearchFields = ["=Order.Number", "ProductName", "^ProductSku"];
        Ordering = ["-OrderId", "Id"];
        AutocompleteFields = [l => l.Order, l => l.Product];
        Fields = [l => l.Order, l => l.Product, l => l.ProductName, l => l.ProductSku, l => l.UnitPrice, l => l.Quantity];
    }

    // A placed order's lines are a record of the sale: editing them would break its totals and the stock returned on
    // cancelling, so nobody adds, changes or deletes one, superusers included. They go only with their order (whose
    // delete cascades to them under orders.delete_orderline).
    public override bool HasAddPermission(AdminUser user) => false;

    public override bool HasChangePermission(AdminUser user) => false;

    public override Task<AdminRefusal?> DeleteRefusalAsync(AdminObjectContext<OrderLine> context, CancellationToken cancellationToken) =>
        Task.FromResult<AdminRefusal?>(new("orders.order_line_immutable", "An order line is a record of the sale: it goes only with its order."));
}

/// <summary>What was ordered, on the order's page: read-only, since the lines are a record of the sale.</summary>
internal sealed class OrderLineInline : TabularInline<Order, OrderLine>
{
    public OrderLineInline()
    {
        Fields = [l => l.ProductName, l => l.ProductSku, l => l.UnitPrice, l => l.Quantity];
        Extra = 0;
        CanDelete = false;
        ShowChangeLink = true;
    }
}
