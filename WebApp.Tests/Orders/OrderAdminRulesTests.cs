using System.Net;
using Microsoft.EntityFrameworkCore;
using WebApp.Tests.Infrastructure;
using WebApp.Tests.Shop;

namespace WebApp.Tests.Orders;

/// <summary>What the admin may not do to a placed order, even for a superuser: its lines and customer are a record of the sale.</summary>
public sealed class OrderAdminRulesTests : IDisposable
{
    private readonly ShopFactory _factory = new();

    public void Dispose() => _factory.Dispose();

    [Fact]
    public async Task Orders_are_not_added_by_hand_and_their_lines_cannot_be_edited()
    {
        var customer = await _factory.CreateCustomerAsync();
        var product = await _factory.CreateProductAsync(stock: 5);
        var order = await _factory.CreateOrderAsync(customer, product, quantity: 1);
        var root = await _factory.LoggedInClientAsync("root@example.com", staff: true, superuser: true);
        var lineId = order.Lines[0].Id;

        Assert.Equal(HttpStatusCode.Forbidden, (await root.GetAsync("/admin/orders/order/add/")).StatusCode);
        Assert.Null((await root.GetHtmlAsync("/admin/orders/order/")).QuerySelector("a[href='/admin/orders/order/add/']"));

        var linePage = await root.GetHtmlAsync($"/admin/orders/orderline/{lineId}/change/");
        Assert.Null(linePage.QuerySelector("input[name=Quantity]"));
        using var post = await root.PostWithTokenAsync($"/admin/orders/orderline/{lineId}/change/",
            [new("Quantity", "50"), new("UnitPrice", "0.01"), new("_save", "1")]);
        Assert.Equal(HttpStatusCode.Forbidden, post.StatusCode);
        Assert.Equal(1, await _factory.WithDbAsync(db => db.OrderLines.Where(l => l.Id == lineId).Select(l => l.Quantity).SingleAsync()));
    }

    [Fact]
    public async Task An_order_stays_with_its_customer_and_a_review_with_its_author()
    {
        var customer = await _factory.CreateCustomerAsync();
        var other = await _factory.CreateCustomerAsync();
        var product = await _factory.CreateProductAsync();
        var order = await _factory.CreateOrderAsync(customer, product);
        var root = await _factory.LoggedInClientAsync("root@example.com", staff: true, superuser: true);
        var url = $"/admin/orders/order/{order.Id}/change/";

        var page = await root.GetHtmlAsync(url);
        Assert.Null(page.QuerySelector("select[name=CustomerId]"));
        var fields = page.FormValues("#order_form").With("CustomerId", other.Id).With("_save", "1");
        using var response = await root.PostAsync(url, new FormUrlEncodedContent(fields));

        Assert.Equal(customer.Id, await _factory.WithDbAsync(db => db.Orders.Where(o => o.Id == order.Id).Select(o => o.CustomerId).SingleAsync()));
        // Reviews come from customers: no blank admin form, and no author select on an existing one.
        Assert.Equal(HttpStatusCode.Forbidden, (await root.GetAsync("/admin/catalog/review/add/")).StatusCode);
    }
}
