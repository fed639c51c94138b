using System.Net;
using WebApp.Tests.Infrastructure;

namespace WebApp.Tests.Site;

public class HomePageTests(HomePageTests.Catalog site) : IClassFixture<HomePageTests.Catalog>
{
    public sealed class Catalog : CatalogSiteFactory
    {
        protected override void Build(CatalogBuilder catalog)
        {
            var garden = catalog.Category("Garden");
            var kitchen = catalog.Category("Kitchen");
            for (var i = 1; i <= 10; i++)
                catalog.Product($"Item {i:00}", i, i % 2 == 0 ? garden : kitchen, sku: $"ITEM-{i:00}");
            catalog.Product("Hidden Newest", 1m, garden, active: false, sku: "HIDDEN");
        }
    }

    private readonly HttpClient _client = site.CreateClient();

    [Fact]
    public async Task Welcomes_and_lists_the_categories()
    {
        using var response = await _client.GetAsync("/");
        var page = await response.ReadHtmlAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Welcome", page.QuerySelector("h1")!.TextContent);
        Assert.Equal(["/categories/garden", "/categories/kitchen"],
            page.QuerySelectorAll(".category-list a").Select(link => link.GetAttribute("href")));
        Assert.Equal(["Garden 5 products", "Kitchen 5 products"],
            page.QuerySelectorAll(".category-list a").Select(link => string.Join(' ', link.TextContent.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries))));
    }

    [Fact]
    public async Task Shows_the_eight_newest_active_products()
    {
        var page = await _client.GetHtmlAsync("/");

        Assert.Equal(Enumerable.Range(3, 8).Reverse().Select(i => $"Item {i:00}"),
            page.QuerySelectorAll(".newest-products .card-title").Select(title => title.TextContent.Trim()));
    }
}
