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
        Fieldsets =
        [
            new(null, [o => o.Number, o => o.Customer, o => o.Status, o => o.ContactEmail]),
            new("Shipping address",
                [o => o.ShippingName, o => o.ShippingAddressLine1, o => o.ShippingAddressLine2, o => o.ShippingCity, o => o.ShippingPostalCode, o => o.ShippingCountry]),
            new("Amounts", [o => o.Subtotal, o => o.Total]),
            new("Dates", [o => o.CreatedAt, o => o.UpdatedAt]) { Collapsed = true },
        ];
        ReadonlyFields = [o => o.Number, o => o.Subtotal, o => o.Total, o => o.CreatedAt, o => o.UpdatedAt];
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
        Fields = [l => l.Order, l => l.Product, l => l.ProductName, l => l.ProductSku, l => l.UnitPrice, l => l.Quantity];
    }
}
