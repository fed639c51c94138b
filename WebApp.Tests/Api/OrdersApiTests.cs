using System.Net;
using System.Text.Json;
using WebApp.Tests.Infrastructure;

namespace WebApp.Tests.Api;

/// <summary>GET /api/orders and /api/orders/{number}: the caller's own orders only.</summary>
public class OrdersApiTests(ApiFactory factory) : IClassFixture<ApiFactory>
{
    private static string Email(string who) => $"{who}-{ApiTestData.Unique()}@example.com";

    [Fact]
    public async Task The_list_has_the_callers_orders_newest_first_and_nobody_elses()
    {
        var (client, userId) = await factory.UserClientAsync(Email("customer"));
        var other = await factory.CreateUserAsync(Email("other"));
        var product = await factory.CreateProductAsync(await factory.CreateCategoryAsync(), price: 7.5m);
        var older = await factory.CreateOrderAsync(userId, product, quantity: 2, createdAt: DateTime.UtcNow.AddDays(-2));
        var newer = await factory.CreateOrderAsync(userId, product, quantity: 1, createdAt: DateTime.UtcNow.AddDays(-1));
        await factory.CreateOrderAsync(other.Id, product);

        using var response = await client.GetAsync("/api/orders");

        var page = await response.ExpectJsonAsync();
        Assert.Equal(["items", "page", "pageSize", "total", "next", "previous"], page.PropertyNames());
        Assert.Equal(2, page.GetProperty("total").GetInt32());
        var items = page.GetProperty("items").EnumerateArray().ToList();
        Assert.Equal([newer.Number, older.Number], items.Select(o => o.GetProperty("number").GetString()));
        Assert.Equal(["number", "createdAt", "status", "total", "itemCount"], items[1].PropertyNames());
        Assert.Equal("Pending", items[1].GetProperty("status").GetString());
        Assert.Equal(15m, items[1].GetProperty("total").GetDecimal());
        Assert.Equal(2, items[1].GetProperty("itemCount").GetInt32());
    }

    [Fact]
    public async Task Orders_are_paged_like_products()
    {
        var (client, userId) = await factory.UserClientAsync(Email("pager"));
        var product = await factory.CreateProductAsync(await factory.CreateCategoryAsync());
        for (var i = 0; i < 3; i++) await factory.CreateOrderAsync(userId, product, createdAt: DateTime.UtcNow.AddHours(-i));

        using var second = await client.GetAsync("/api/orders?pageSize=2&page=2");
        using var beyond = await client.GetAsync("/api/orders?pageSize=2&page=3");
        using var tooBig = await client.GetAsync("/api/orders?pageSize=101");

        var page = await second.ExpectJsonAsync();
        Assert.Single(page.GetProperty("items").EnumerateArray());
        Assert.Equal(JsonValueKind.Null, page.GetProperty("next").ValueKind);
        Assert.Equal("http://localhost/api/orders?pageSize=2", page.GetProperty("previous").GetString());
        Assert.Equal(["Page 3 does not exist: there are 2 pages."], (await beyond.ExpectProblemAsync(HttpStatusCode.BadRequest)).FieldErrors("page"));
        await tooBig.ExpectProblemAsync(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task An_order_comes_with_its_address_lines_and_history()
    {
        var (client, userId) = await factory.UserClientAsync(Email("details"));
        var product = await factory.CreateProductAsync(await factory.CreateCategoryAsync(), "Kettle", price: 30m);
        var order = await factory.CreateOrderAsync(userId, product, quantity: 2);

        using var response = await client.GetAsync($"/api/orders/{order.Number}");

        var body = await response.ExpectJsonAsync();
        Assert.Equal(["number", "createdAt", "status", "contactEmail", "shippingAddress", "subtotal", "total", "lines", "history"], body.PropertyNames());
        Assert.Equal(order.Number, body.GetProperty("number").GetString());
        var address = body.GetProperty("shippingAddress");
        Assert.Equal(["name", "addressLine1", "addressLine2", "city", "postalCode", "country"], address.PropertyNames());
        Assert.Equal("Ada Lovelace", address.GetProperty("name").GetString());
        Assert.Equal("London", address.GetProperty("city").GetString());
        var line = Assert.Single(body.GetProperty("lines").EnumerateArray());
        Assert.Equal(["productName", "productSku", "unitPrice", "quantity", "lineTotal"], line.PropertyNames());
        Assert.Equal("Kettle", line.GetProperty("productName").GetString());
        Assert.Equal(60m, line.GetProperty("lineTotal").GetDecimal());
        var step = Assert.Single(body.GetProperty("history").EnumerateArray());
        Assert.Equal(["status", "changedAt"], step.PropertyNames());
        Assert.Equal("Pending", step.GetProperty("status").GetString());
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task Another_customers_order_or_a_made_up_number_is_not_found(bool someoneElses)
    {
        var (client, _) = await factory.UserClientAsync(Email("snoop"));
        var victim = await factory.CreateUserAsync(Email("victim"));
        var order = await factory.CreateOrderAsync(victim.Id, await factory.CreateProductAsync(await factory.CreateCategoryAsync()));

        using var response = await client.GetAsync($"/api/orders/{(someoneElses ? order.Number : "WA-NOTAREAL")}");

        await response.ExpectProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Orders_need_a_signed_in_caller()
    {
        using var response = await factory.CreateClient().GetAsync("/api/orders/WA-23456789");

        await response.ExpectProblemAsync(HttpStatusCode.Unauthorized);
    }
}
