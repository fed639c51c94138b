using System.Net;
using WebApp.Tests.Infrastructure;

namespace WebApp.Tests.Site;

public class CategoryPageTests(CategoryPageTests.Catalog site) : IClassFixture<CategoryPageTests.Catalog>
{
    public sealed class Catalog : CatalogSiteFactory
    {
        protected override void Build(CatalogBuilder catalog)
        {
            var tea = catalog.Category("Tea", description: "Leaves from everywhere.\nBrewed or not.");
            var coffee = catalog.Category("Coffee");
            catalog.Category("Empty Shelf");
            for (var i = 1; i <= 30; i++)
                catalog.Product($"Tea {i:00}", 2m + i, tea, active: i != 5, sku: $"TEA-{i:00}");
            catalog.Product("Espresso Beans", 12m, coffee, sku: "COF-1");
        }
    }

    private readonly HttpClient _client = site.CreateClient();

    [Fact]
    public async Task Shows_the_category_and_its_active_products_in_the_shared_list()
    {
        using var response = await _client.GetAsync("/categories/tea");
        var page = await response.ReadHtmlAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Tea", page.QuerySelector("h1")!.TextContent.Trim());
        Assert.Contains("Leaves from everywhere.", page.QuerySelector(".category-description")!.TextContent);
        Assert.Single(page.QuerySelectorAll(".category-description br"));
        Assert.Equal("29 products", ProductListHtml.Count(page));
        var names = ProductListHtml.Names(page);
        Assert.Equal(24, names.Count);
        Assert.DoesNotContain("Tea 05", names);
        Assert.DoesNotContain("Espresso Beans", names);
        // One category: no category menu in its filter form.
        Assert.Null(page.QuerySelector("#filter-category"));
    }

    [Fact]
    public async Task Pages_sorts_and_searches_within_the_category()
    {
        var page = await _client.GetHtmlAsync("/categories/tea?sort=-price&page=2");

        Assert.Equal(["Tea 06", "Tea 04", "Tea 03", "Tea 02", "Tea 01"], ProductListHtml.Names(page));
        Assert.Equal("2", ProductListHtml.CurrentPage(page));
        Assert.Equal([("1", "/categories/tea?sort=-price")], ProductListHtml.PageLinks(page));

        var search = await _client.GetHtmlAsync("/categories/tea?q=beans");
        Assert.Equal("0 products", ProductListHtml.Count(search));
    }

    [Fact]
    public async Task A_category_query_value_cannot_widen_the_category_page()
    {
        var page = await _client.GetHtmlAsync("/categories/coffee?category=tea");

        Assert.Equal(["Espresso Beans"], ProductListHtml.Names(page));
    }

    [Fact]
    public async Task A_category_without_products_says_so()
    {
        var page = await _client.GetHtmlAsync("/categories/empty-shelf");

        Assert.Equal("0 products", ProductListHtml.Count(page));
        Assert.NotNull(page.QuerySelector(".empty-list"));
        Assert.Null(page.QuerySelector(".pager"));
    }

    [Fact]
    public async Task An_unknown_category_is_a_friendly_404()
    {
        using var response = await _client.GetAsync("/categories/nope");
        var page = await response.ReadHtmlAsync();

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("Page not found", page.QuerySelector("main h1")!.TextContent.Trim());
    }

    [Fact]
    public async Task The_categories_page_lists_every_category_with_its_active_product_count()
    {
        var page = await _client.GetHtmlAsync("/categories");
        var items = page.QuerySelectorAll(".category-list li").Select(item => (
            Name: item.QuerySelector("a")!.TextContent.Trim(),
            Href: item.QuerySelector("a")!.GetAttribute("href"),
            Count: item.QuerySelector(".badge")!.TextContent.Trim())).ToList();

        Assert.Equal(
            [("Coffee", "/categories/coffee", "1 product"), ("Empty Shelf", "/categories/empty-shelf", "0 products"), ("Tea", "/categories/tea", "29 products")],
            items);
        Assert.Equal("page", page.QuerySelector("nav a[href='/categories']")!.GetAttribute("aria-current"));
    }
}
