using System.Net;
using WebApp.Tests.Infrastructure;
using WebApp.Tests.Shop;

namespace WebApp.Tests.Site;

/// <summary>What a signed-in customer expects in every page's header: their orders, and the shop's icon in the tab.</summary>
public sealed class CustomerNavigationTests(ShopFactory factory) : IClassFixture<ShopFactory>
{
    [Fact]
    public async Task Signed_in_customers_find_My_orders_in_the_navbar()
    {
        var (client, _) = await factory.LoggedInCustomerAsync();

        var home = await client.GetHtmlAsync("/");
        var orders = await client.GetHtmlAsync("/orders");

        Assert.Equal("/orders", home.QuerySelector("header nav a.nav-link[href='/orders']")?.GetAttribute("href"));
        Assert.Equal("My orders", home.QuerySelector("header nav a.nav-link[href='/orders']")!.TextContent.Trim());
        Assert.Equal("page", orders.QuerySelector("header nav a.nav-link[href='/orders']")!.GetAttribute("aria-current"));
        Assert.Null((await factory.CreateShopClient().GetHtmlAsync("/")).QuerySelector("header nav a[href='/orders']"));
    }

    [Fact]
    public async Task Every_page_names_a_favicon_that_is_served()
    {
        var client = factory.CreateShopClient();

        var icon = (await client.GetHtmlAsync("/products")).QuerySelector("link[rel=icon]")!.GetAttribute("href")!;
        using var response = await client.GetAsync(icon);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("image/svg+xml", response.Content.Headers.ContentType?.MediaType);
    }
}
