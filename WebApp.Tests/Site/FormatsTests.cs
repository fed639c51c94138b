using WebApp.Tests.Infrastructure;
using WebApp.Tests.Shop;

namespace WebApp.Tests.Site;

/// <summary>One format for dates, money and counts, wherever the customer or staff see them.</summary>
public sealed class FormatsTests(ShopFactory factory) : IClassFixture<ShopFactory>
{
    private static readonly DateTime Placed = new(2026, 11, 30, 14, 5, 0, DateTimeKind.Utc);

    [Fact]
    public async Task An_order_shows_the_same_date_and_money_on_my_orders_its_page_and_the_admin()
    {
        var (client, me) = await factory.LoggedInCustomerAsync();
        var product = await factory.CreateProductAsync(price: 1234.5m);
        var order = await factory.CreateOrderAsync(me, product, quantity: 2, createdAt: Placed);

        var list = await client.GetHtmlAsync("/orders");
        var details = await client.GetHtmlAsync($"/orders/{order.Number}");

        var row = list.QuerySelectorAll("tr.order-row").Single(r => r.TextContent.Contains(order.Number));
        Assert.Equal("30 Nov 2026, 14:05 UTC", row.QuerySelector("time")!.TextContent);
        Assert.Equal("2026-11-30T14:05:00Z", row.QuerySelector("time")!.GetAttribute("datetime"));
        Assert.Contains("$2,469.00", row.TextContent);
        Assert.Contains("Placed 30 Nov 2026, 14:05 UTC", details.Body!.TextContent);
        Assert.Equal("$2,469.00", details.QuerySelector(".order-total")!.TextContent);

        var staff = await factory.LoggedInStaffWithAllRolesAsync();
        var admin = await staff.GetHtmlAsync($"/admin/orders/order/?q={order.Number}");
        var adminRow = admin.QuerySelectorAll("tr").Single(r => r.TextContent.Contains(order.Number));
        Assert.Contains("$2,469.00", adminRow.TextContent);
        Assert.Contains("30 Nov 2026, 14:05 UTC", adminRow.TextContent);
    }

    [Fact]
    public async Task The_mail_about_an_order_dates_it_and_prices_it_the_same_way()
    {
        var customer = await factory.CreateCustomerAsync();
        var product = await factory.CreateProductAsync(price: 27.45m);
        var order = await factory.CreateOrderAsync(customer, product, quantity: 2, createdAt: Placed);
        var staff = await factory.LoggedInStaffWithAllRolesAsync();

        using var paid = await staff.PostWithTokenAsync("/admin/orders/order/",
            [new("action", "mark_paid"), new("_selected_action", order.Id.ToString())]);

        var mail = Assert.Single(await factory.OutboxForAsync(order.ContactEmail));
        Assert.Contains("Placed 30 Nov 2026, 14:05 UTC", mail.HtmlBody);
        Assert.Contains("$54.90", mail.HtmlBody);
    }

    [Fact]
    public async Task Product_counts_group_their_digits()
    {
        var word = $"Grouped{ShopData.Unique()}";
        var catalog = new CatalogBuilder();
        var category = catalog.Category($"Category {word}");
        for (var i = 0; i < 1001; i++)
            catalog.Product($"{word} {i}", category: category, sku: $"{word}-{i}", slug: $"{word.ToLowerInvariant()}-{i}");
        await catalog.SaveAsync(factory);

        var page = await factory.CreateShopClient().GetHtmlAsync($"/products?q={word}");

        Assert.Equal("1,001 products", page.QuerySelector(".result-count")!.TextContent.Trim());
    }
}
