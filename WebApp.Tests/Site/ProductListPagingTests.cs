using System.Globalization;
using System.Net;
using Microsoft.AspNetCore.WebUtilities;
using WebApp.Tests.Infrastructure;

namespace WebApp.Tests.Site;

/// <summary>The acceptance check's catalog on a smaller scale: 100 products, every tenth inactive.</summary>
public class ProductListPagingTests(ProductListPagingTests.Catalog site) : IClassFixture<ProductListPagingTests.Catalog>
{
    public sealed class Catalog : CatalogSiteFactory
    {
        protected override void Build(CatalogBuilder catalog)
        {
            for (var i = 0; i < 100; i++)
                catalog.Product($"Product {i:00000}", Price(i), active: i % 10 != 0, sku: $"SKU-{i:00000}");
        }
    }

    private static decimal Price(int i) => (i * 37 % 100000) / 100m + 1;

    private static readonly IReadOnlyList<int> Active = Enumerable.Range(0, 100).Where(i => i % 10 != 0).ToList();

    private readonly HttpClient _client = site.CreateClient();

    [Fact]
    public async Task First_page_starts_with_product_00001_at_1_37_and_counts_90_products()
    {
        var page = await _client.GetHtmlAsync("/products");

        Assert.Equal("Product 00001", ProductListHtml.Names(page)[0]);
        Assert.Equal("$1.37", ProductListHtml.Prices(page)[0]);
        Assert.Equal("90 products", ProductListHtml.Count(page));
    }

    [Fact]
    public async Task Pages_hold_24_products_in_name_order()
    {
        var first = await _client.GetHtmlAsync("/products");
        var second = await _client.GetHtmlAsync("/products?page=2");
        var last = await _client.GetHtmlAsync("/products?page=4");

        Assert.Equal(Active.Take(24).Select(i => $"Product {i:00000}"), ProductListHtml.Names(first));
        Assert.Equal(Active.Skip(24).Take(24).Select(i => $"Product {i:00000}"), ProductListHtml.Names(second));
        Assert.Equal(Active.Skip(72).Select(i => $"Product {i:00000}"), ProductListHtml.Names(last));
        Assert.Equal("2", ProductListHtml.CurrentPage(second));
    }

    [Fact]
    public async Task Price_sort_pages_through_every_product_in_numeric_order()
    {
        var prices = new List<decimal>();
        for (var number = 1; number <= 4; number++)
        {
            var page = await _client.GetHtmlAsync($"/products?sort=price&page={number}");
            prices.AddRange(ProductListHtml.Prices(page).Select(p => decimal.Parse(p, NumberStyles.Currency, CultureInfo.GetCultureInfo("en-US"))));
        }

        Assert.Equal(Active.Select(Price).Order(), prices);
    }

    [Fact]
    public async Task Pager_links_keep_the_search_and_sort()
    {
        var page = await _client.GetHtmlAsync("/products?q=product&sort=-price&minPrice=2&page=2");
        var links = ProductListHtml.PageLinks(page);

        Assert.Equal("2", ProductListHtml.CurrentPage(page));
        Assert.Equal(["1", "3", "4"], links.Select(link => link.Page));
        foreach (var (number, href) in links)
        {
            Assert.StartsWith("/products?", href);
            var query = QueryHelpers.ParseQuery(new Uri("http://localhost" + href).Query);
            Assert.Equal("product", query["q"]);
            Assert.Equal("-price", query["sort"]);
            Assert.Equal("2", query["minPrice"]);
            Assert.Equal(number == "1" ? "" : number, query.TryGetValue("page", out var value) ? value.ToString() : "");
        }
        Assert.NotNull(page.QuerySelector(".pager a[rel=prev]"));
        Assert.NotNull(page.QuerySelector(".pager a[rel=next]"));
    }

    [Fact]
    public async Task A_page_past_the_end_shows_the_last_page_with_a_message()
    {
        using var response = await _client.GetAsync("/products?page=99999");
        var page = await response.ReadHtmlAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(["Page 99999 does not exist; showing the last page."], ProductListHtml.Messages(page));
        Assert.Equal("4", ProductListHtml.CurrentPage(page));
        Assert.Equal(18, ProductListHtml.Names(page).Count);
    }

    [Fact]
    public async Task A_page_that_is_not_a_number_shows_page_one()
    {
        using var response = await _client.GetAsync("/products?page=abc");
        var page = await response.ReadHtmlAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("1", ProductListHtml.CurrentPage(page));
        Assert.Equal("Product 00001", ProductListHtml.Names(page)[0]);
        Assert.Empty(ProductListHtml.Messages(page));
    }
}
