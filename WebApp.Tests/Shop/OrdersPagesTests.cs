using System.Net;
using AngleSharp.Html.Dom;
using Microsoft.EntityFrameworkCore;
using WebApp.Orders;
using WebApp.Tests.Infrastructure;

namespace WebApp.Tests.Shop;

public sealed class OrdersPagesTests(ShopFactory factory) : IClassFixture<ShopFactory>
{
    [Fact]
    public async Task My_orders_asks_visitors_to_log_in()
    {
        using var response = await factory.CreateShopClient().GetAsync("/orders");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains("/Identity/Account/Login", response.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task My_orders_lists_only_mine_newest_first_ten_to_a_page()
    {
        var (client, me) = await factory.LoggedInCustomerAsync();
        var someoneElse = await factory.CreateCustomerAsync();
        var product = await factory.CreateProductAsync(price: 3m);
        var start = DateTime.UtcNow.AddDays(-1);
        var mine = new List<Order>();
        for (var i = 0; i < 12; i++)
            mine.Add(await factory.CreateOrderAsync(me, product, quantity: i + 1, createdAt: start.AddMinutes(i)));
        var theirs = await factory.CreateOrderAsync(someoneElse, product, createdAt: start.AddMinutes(30));

        var first = await client.GetHtmlAsync("/orders");
        var second = await client.GetHtmlAsync("/orders?page=2");

        var newestFirst = mine.OrderByDescending(o => o.CreatedAt).Select(o => o.Number).ToList();
        Assert.Equal(newestFirst[..10], Numbers(first));
        Assert.Equal(newestFirst[10..], Numbers(second));
        Assert.DoesNotContain(theirs.Number, first.Body!.TextContent + second.Body!.TextContent);
        var newestRow = first.QuerySelector("tr.order-row")!.Children.Select(c => c.TextContent.Trim()).ToArray();
        Assert.Equal(["Pending", "12", "$36.00"], newestRow[2..]);
        Assert.Contains("Page 1 of 2", first.QuerySelector("nav .pagination")!.TextContent);
        Assert.Equal("/orders?page=2", first.QuerySelector("a[rel=next]")!.GetAttribute("href"));
        Assert.Equal(Numbers(second), Numbers(await client.GetHtmlAsync("/orders?page=99")));
    }

    [Fact]
    public async Task An_order_page_shows_lines_totals_address_and_history()
    {
        var (client, _) = await factory.LoggedInCustomerAsync();
        var product = await factory.CreateProductAsync(price: 4m, stock: 5);
        await client.AddToCartAsync(product.Id, 2);
        var number = await client.CheckoutAsync(new Dictionary<string, string> { ["Form.ShippingAddressLine2"] = "Suite <7>" });

        var page = await client.GetHtmlAsync($"/orders/{number}");

        Assert.Equal(number, page.QuerySelector("h1 .order-number")!.TextContent);
        Assert.StartsWith(product.Name, page.QuerySelector("tr.order-line td")!.TextContent);
        Assert.Equal(("$8.00", "$4.90", "$12.90"), (page.QuerySelector(".order-subtotal")!.TextContent,
            page.QuerySelector(".order-shipping")!.TextContent, page.QuerySelector(".order-total")!.TextContent));
        var address = page.QuerySelector("address")!;
        Assert.Equal(["Grace Hopper", "42 Compiler Road", "Suite <7>", "22201 Arlington", "United States"],
            address.ChildNodes.OfType<AngleSharp.Dom.IText>().Select(t => t.TextContent.Trim()).Where(t => t.Length > 0));
        Assert.Equal(4, address.QuerySelectorAll("br").Length);
        Assert.Contains("Pending", page.QuerySelector(".order-history")!.TextContent);
        Assert.Equal($"/orders/{number}/cancel", page.QuerySelector("a.cancel-order")!.GetAttribute("href"));
    }

    [Fact]
    public async Task Another_customers_order_number_is_not_found()
    {
        var (client, _) = await factory.LoggedInCustomerAsync();
        var owner = await factory.CreateCustomerAsync();
        var product = await factory.CreateProductAsync(stock: 5);
        var order = await factory.CreateOrderAsync(owner, product);
        var token = (await client.GetHtmlAsync(await factory.FormPageAsync())).AntiforgeryToken();

        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/orders/{order.Number}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/orders/not-a-number")).StatusCode);
        using var cancel = await client.PostAsync($"/orders/{order.Number}?handler=Cancel", new FormUrlEncodedContent(
            new Dictionary<string, string> { ["version"] = order.Version.ToString(), ["__RequestVerificationToken"] = token }));
        Assert.Equal(HttpStatusCode.NotFound, cancel.StatusCode);
        Assert.Equal(OrderStatus.Pending, (await factory.OrdersOfAsync(owner.Id)).Single().Status);
    }

    [Fact]
    public async Task Cancelling_a_pending_order_returns_its_stock_and_tells_the_customer()
    {
        var (client, customer) = await factory.LoggedInCustomerAsync();
        var product = await factory.CreateProductAsync(stock: 5);
        await client.AddToCartAsync(product.Id, 3);
        var number = await client.CheckoutAsync();
        Assert.Equal(2, await factory.StockOfAsync(product.Id));

        var page = await CancelAsync(client, number);

        Assert.Equal($"Order {number} has been cancelled and its items are back in stock.", page.StatusMessage());
        Assert.Equal("Cancelled", page.QuerySelector(".order-status")!.TextContent);
        Assert.Null(page.QuerySelector(".cancel-order"));
        var order = Assert.Single(await factory.OrdersOfAsync(customer.Id));
        Assert.Equal(OrderStatus.Cancelled, order.Status);
        var cancelled = Assert.Single(order.StatusChanges, c => c.ToStatus == OrderStatus.Cancelled);
        Assert.Equal((OrderStatus.Pending, OrderPlacement.CustomerActor), (cancelled.FromStatus!.Value, cancelled.Actor));
        Assert.Equal(5, await factory.StockOfAsync(product.Id));
        Assert.Contains(await factory.OutboxForAsync(order.ContactEmail), m => m.Subject == $"Order {number} has been cancelled");
    }

    [Theory]
    [InlineData(OrderStatus.Shipped, "An order that is Shipped cannot be cancelled.")]
    [InlineData(OrderStatus.Delivered, "An order that is Delivered cannot be cancelled.")]
    [InlineData(OrderStatus.Paid, "An order that is Paid can no longer be cancelled here. Please contact us and we will help.")]
    public async Task Customers_cannot_cancel_an_order_once_it_is_paid(OrderStatus status, string message)
    {
        var (client, customer) = await factory.LoggedInCustomerAsync();
        var product = await factory.CreateProductAsync(stock: 5);
        var order = await factory.CreateOrderAsync(customer, product, quantity: 2, status: status);

        Assert.Null((await client.GetHtmlAsync($"/orders/{order.Number}")).QuerySelector(".cancel-order"));
        Assert.Null((await client.GetHtmlAsync($"/orders/{order.Number}/cancel")).QuerySelector("form.cancel-order"));
        var token = (await client.GetHtmlAsync(await factory.FormPageAsync())).AntiforgeryToken();
        using var response = await client.PostAsync($"/orders/{order.Number}?handler=Cancel", new FormUrlEncodedContent(
            new Dictionary<string, string> { ["version"] = order.Version.ToString(), ["__RequestVerificationToken"] = token }));

        Assert.Equal(message, (await client.FollowAsync(response)).StatusMessage());
        Assert.Equal(status, Assert.Single(await factory.OrdersOfAsync(customer.Id)).Status);
        Assert.Equal(5, await factory.StockOfAsync(product.Id));
    }

    [Fact]
    public async Task Cancelling_from_a_page_that_is_out_of_date_is_refused()
    {
        var (client, customer) = await factory.LoggedInCustomerAsync();
        var product = await factory.CreateProductAsync(stock: 5);
        var order = await factory.CreateOrderAsync(customer, product);
        var stalePage = await client.GetHtmlAsync($"/orders/{order.Number}/cancel");
        await factory.WithDbAsync(async db =>
        {
            (await db.Orders.SingleAsync(o => o.Id == order.Id)).ShippingName = "Changed by staff";
            await db.SaveChangesAsync();
        });

        var page = await SubmitCancelAsync(client, order.Number, stalePage);

        Assert.Equal("The order was changed by someone else in the meantime. Please look at it again and retry.", page.StatusMessage());
        Assert.Equal(OrderStatus.Pending, Assert.Single(await factory.OrdersOfAsync(customer.Id)).Status);
    }

    private static List<string> Numbers(IHtmlDocument page) =>
        page.QuerySelectorAll("a.order-number").Select(a => a.TextContent).ToList();

    private static async Task<IHtmlDocument> CancelAsync(HttpClient client, string number) =>
        await SubmitCancelAsync(client, number, await client.GetHtmlAsync($"/orders/{number}/cancel"));

    [Fact]
    public async Task Cancel_order_asks_first_and_the_order_stays_until_the_customer_confirms()
    {
        var (client, customer) = await factory.LoggedInCustomerAsync();
        var product = await factory.CreateProductAsync(stock: 5);
        var order = await factory.CreateOrderAsync(customer, product, quantity: 2);

        var details = await client.GetHtmlAsync($"/orders/{order.Number}");
        Assert.Empty(details.QuerySelectorAll("form[action*='handler=Cancel']"));
        var question = await client.GetHtmlAsync(details.QuerySelector("a.cancel-order")!.GetAttribute("href")!);

        Assert.Equal($"Cancel order {order.Number}?", question.QuerySelector("h1")!.TextContent);
        Assert.Equal("Yes, cancel this order", question.QuerySelector("form.cancel-order button[type=submit]")!.TextContent);
        Assert.Equal($"/orders/{order.Number}", question.QuerySelector("a.keep-order")!.GetAttribute("href"));
        Assert.Equal(OrderStatus.Pending, Assert.Single(await factory.OrdersOfAsync(customer.Id)).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/orders/WA-NOSUCH00/cancel")).StatusCode);
    }

    private static async Task<IHtmlDocument> SubmitCancelAsync(HttpClient client, string number, IHtmlDocument page)
    {
        var form = (IHtmlFormElement)page.QuerySelector("form.cancel-order")!;
        var fields = form.QuerySelectorAll("input[type=hidden]").Cast<IHtmlInputElement>().ToDictionary(i => i.Name!, i => i.Value);
        using var response = await client.PostAsync(form.Action, new FormUrlEncodedContent(fields));
        Assert.Equal($"/orders/{number}", response.Headers.Location?.OriginalString);
        return await client.FollowAsync(response);
    }
}
