using System.Net;
using WebApp.Tests.Infrastructure;

namespace WebApp.Tests.Site;

public class ProductListTests(ProductListTests.Catalog site) : IClassFixture<ProductListTests.Catalog>
{
    public sealed class Catalog : CatalogSiteFactory
    {
        protected override void Build(CatalogBuilder catalog)
        {
            var shoes = catalog.Category("Shoes", description: "Things for feet.");
            var hats = catalog.Category("Hats");
            catalog.Product("Apple Boots", 100.10m, shoes, sku: "SH-100", description: "Sturdy LEATHER boots.");
            catalog.Product("Cotton Cap", 9.99m, hats, sku: "HT-001", description: "A 100% cotton cap for sunny days.");
            catalog.Product("Denim Hat", 10.00m, hats, sku: "HT_002", description: "Blue denim.");
            catalog.Product("Espadrille", 55.50m, shoes, stock: 0, sku: "SH-200", description: "Summer_shoe with a rope sole.");
            catalog.Product("Felt Fedora", 75m, hats, active: false, sku: "HT-003", description: "Retired; never listed.");
            catalog.Product("Glow Socks 50% off", 3.00m, shoes, sku: "SH-300");
        }
    }

    private static readonly string[] ActiveByName = ["Apple Boots", "Cotton Cap", "Denim Hat", "Espadrille", "Glow Socks 50% off"];

    private readonly HttpClient _client = site.CreateClient();

    [Fact]
    public async Task Lists_only_active_products_sorted_by_name_by_default()
    {
        var page = await _client.GetHtmlAsync("/products");

        Assert.Equal(ActiveByName, ProductListHtml.Names(page));
        Assert.Equal("5 products", ProductListHtml.Count(page));
        Assert.Empty(ProductListHtml.Messages(page));
    }

    [Fact]
    public async Task Rows_show_category_price_and_availability()
    {
        var page = await _client.GetHtmlAsync("/products");
        var rows = page.QuerySelectorAll("table.product-list tbody tr").ToDictionary(
            row => row.QuerySelector(".product-name")!.TextContent.Trim());

        var espadrille = rows["Espadrille"];
        Assert.Equal("/products/espadrille", espadrille.QuerySelector(".product-name a")!.GetAttribute("href"));
        Assert.Equal("Shoes", espadrille.QuerySelector(".product-category")!.TextContent.Trim());
        Assert.Equal("/categories/shoes", espadrille.QuerySelector(".product-category a")!.GetAttribute("href"));
        Assert.Equal("$55.50", espadrille.QuerySelector(".product-price")!.TextContent.Trim());
        Assert.Equal("Out of stock", espadrille.QuerySelector(".product-availability")!.TextContent.Trim());
        Assert.Equal("In stock", rows["Apple Boots"].QuerySelector(".product-availability")!.TextContent.Trim());
    }

    [Fact]
    public async Task Sorts_by_price_numerically_in_both_directions()
    {
        var ascending = await _client.GetHtmlAsync("/products?sort=price");
        Assert.Equal(["$3.00", "$9.99", "$10.00", "$55.50", "$100.10"], ProductListHtml.Prices(ascending));

        var descending = await _client.GetHtmlAsync("/products?sort=-price");
        Assert.Equal(["$100.10", "$55.50", "$10.00", "$9.99", "$3.00"], ProductListHtml.Prices(descending));
    }

    [Fact]
    public async Task Sorts_newest_first()
    {
        var page = await _client.GetHtmlAsync("/products?sort=newest");

        Assert.Equal(["Glow Socks 50% off", "Espadrille", "Denim Hat", "Cotton Cap", "Apple Boots"], ProductListHtml.Names(page));
    }

    [Theory]
    [InlineData("boots", "Apple Boots")] // name, other case
    [InlineData("APPLE", "Apple Boots")]
    [InlineData("sh-200", "Espadrille")] // SKU
    [InlineData("leather", "Apple Boots")] // description
    [InlineData("ROPE SOLE", "Espadrille")]
    [InlineData("50%", "Glow Socks 50% off")]
    public async Task Searches_name_sku_and_description_ignoring_case(string search, string expected)
    {
        var page = await _client.GetHtmlAsync("/products?q=" + Uri.EscapeDataString(search));

        Assert.Equal([expected], ProductListHtml.Names(page));
        Assert.Equal("1 product", ProductListHtml.Count(page));
    }

    [Fact]
    public async Task Search_takes_percent_and_underscore_literally()
    {
        var percent = await _client.GetHtmlAsync("/products?q=%25");
        Assert.Equal(["Cotton Cap", "Glow Socks 50% off"], ProductListHtml.Names(percent));

        var underscore = await _client.GetHtmlAsync("/products?q=_");
        Assert.Equal(["Denim Hat", "Espadrille"], ProductListHtml.Names(underscore));
    }

    [Fact]
    public async Task Search_never_finds_inactive_products()
    {
        var page = await _client.GetHtmlAsync("/products?q=fedora");

        Assert.Empty(ProductListHtml.Names(page));
        Assert.Equal("0 products", ProductListHtml.Count(page));
    }

    [Fact]
    public async Task Filters_by_category_slug()
    {
        var page = await _client.GetHtmlAsync("/products?category=hats");

        Assert.Equal(["Cotton Cap", "Denim Hat"], ProductListHtml.Names(page));
        Assert.NotNull(page.QuerySelector("#filter-category option[value=hats][selected]"));
    }

    [Fact]
    public async Task Filters_by_price_range_inclusive()
    {
        var page = await _client.GetHtmlAsync("/products?minPrice=9.99&maxPrice=10");
        Assert.Equal(["Cotton Cap", "Denim Hat"], ProductListHtml.Names(page));

        var fromFifty = await _client.GetHtmlAsync("/products?minPrice=50&sort=price");
        Assert.Equal(["Espadrille", "Apple Boots"], ProductListHtml.Names(fromFifty));
    }

    [Fact]
    public async Task Filters_combine()
    {
        var page = await _client.GetHtmlAsync("/products?q=s&category=shoes&maxPrice=60&sort=-price");

        Assert.Equal(["Espadrille", "Glow Socks 50% off"], ProductListHtml.Names(page));
    }

    [Theory]
    [InlineData("minPrice=-1", "Minimum price must be a number of 0 or more.")]
    [InlineData("minPrice=abc", "Minimum price must be a number of 0 or more.")]
    [InlineData("maxPrice=-0.5", "Maximum price must be a number of 0 or more.")]
    [InlineData("maxPrice=ten", "Maximum price must be a number of 0 or more.")]
    [InlineData("maxPrice=1e5", "Maximum price must be a number of 0 or more.")]
    [InlineData("minPrice=99999999999999999999999", "Minimum price must be at most 99,999,999.99.")]
    [InlineData("minPrice=20&maxPrice=10", "Minimum price is more than maximum price, so the price range was ignored.")]
    [InlineData("category=nope", "No category \u201cnope\u201d exists; showing products from every category.")]
    [InlineData("page=99999", "Page 99999 does not exist; showing the last page.")]
    public async Task A_bad_value_is_ignored_with_a_message(string query, string message)
    {
        using var response = await _client.GetAsync("/products?" + query);
        var page = await response.ReadHtmlAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal([message], ProductListHtml.Messages(page));
        Assert.Equal(ActiveByName, ProductListHtml.Names(page));
    }

    [Theory]
    [InlineData("page=abc")]
    [InlineData("page=0")]
    [InlineData("page=-3")]
    [InlineData("page=99999999999999999999")]
    [InlineData("sort=cheapest")]
    [InlineData("sort=")]
    [InlineData("minPrice=&maxPrice=&q=&category=")]
    public async Task A_harmless_odd_value_shows_the_default_list_without_a_message(string query)
    {
        using var response = await _client.GetAsync("/products?" + query);
        var page = await response.ReadHtmlAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Empty(ProductListHtml.Messages(page));
        Assert.Equal(ActiveByName, ProductListHtml.Names(page));
    }

    [Fact]
    public async Task A_search_longer_than_200_characters_uses_the_first_200_with_a_message()
    {
        var search = "boots" + new string('x', 250);

        using var response = await _client.GetAsync("/products?q=" + search);
        var page = await response.ReadHtmlAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(["Search text is limited to 200 characters; searched for the first 200."], ProductListHtml.Messages(page));
        Assert.Equal(search[..200], page.QuerySelector("#filter-q")!.GetAttribute("value"));
        Assert.Empty(ProductListHtml.Names(page));
    }

    [Fact]
    public async Task The_filter_form_shows_the_values_in_use()
    {
        var page = await _client.GetHtmlAsync("/products?q=cap&minPrice=1.5&maxPrice=abc&sort=-price");

        Assert.Equal("cap", page.QuerySelector("#filter-q")!.GetAttribute("value"));
        Assert.Equal("1.5", page.QuerySelector("#filter-min-price")!.GetAttribute("value"));
        Assert.Equal("", page.QuerySelector("#filter-max-price")!.GetAttribute("value") ?? "");
        Assert.NotNull(page.QuerySelector("#filter-sort option[value='-price'][selected]"));
        foreach (var id in new[] { "filter-q", "filter-category", "filter-min-price", "filter-max-price", "filter-sort" })
            Assert.NotNull(page.QuerySelector($"label[for={id}]"));
    }
}
