using System.Data.Common;
using AngleSharp.Html.Dom;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using WebApp.Catalog;
using WebApp.Data;
using WebApp.Tests.Infrastructure;

namespace WebApp.Tests.Admin;

/// <summary>
/// The changelist on a "big" table (the exact-count limit lowered to 50 so that a few hundred rows are big): keyset
/// and from-the-end pages hold the rows offset paging would, the count is an estimate with a link to the exact one.
/// </summary>
public class ChangeListAtScaleTests : IDisposable
{
    private const string Products = "/admin/catalog/product/";
    private const int ProductCount = 1_000;

    private readonly SmallCountLimitFactory _factory = new();

    public void Dispose()
    {
        _factory.Dispose();
        GC.SuppressFinalize(this);
    }

    private sealed class SmallCountLimitFactory : WebAppFactory
    {
        protected override IDictionary<string, string?> ExtraSettings => new Dictionary<string, string?> { ["Admin:ExactCountLimit"] = "50" };
    }

    /// <summary>Unique names in a shuffled order; prices and stock repeat, so sorting on them leaves ties for the key to break.</summary>
    private async Task<List<Product>> SeedAsync()
    {
        var catalog = new CatalogBuilder();
        var shoes = catalog.Category("Shoes");
        var hats = catalog.Category("Hats");
        for (var i = 0; i < ProductCount; i++)
        {
            var n = i * 389 % ProductCount;
            catalog.Product($"P{n:0000}", price: i % 7 + 1, category: i % 4 == 0 ? hats : shoes, stock: i % 5, active: i % 3 != 0);
        }
        await catalog.SaveAsync(_factory);
        return await _factory.WithDbAsync(db => db.Products.AsNoTracking().ToListAsync());
    }

    /// <summary>The order the changelist promises: its sort keys, then the key (ascending) to break ties.</summary>
    public static TheoryData<string, string> Orderings => new()
    {
        { "", "Name" },
        { "o=0", "Name" },
        { "o=-0", "-Name" },
        { "o=1", "Sku" },
        { "o=3", "Price" },
        { "o=-3", "-Price" },
        { "o=4", "Stock" },
        { "o=-4.3", "-Stock,Price" },
        { "o=5.-3", "IsActive,-Price" },
    };

    private static List<string> Expected(List<Product> products, string ordering)
    {
        IOrderedEnumerable<Product>? sorted = null;
        foreach (var part in ordering.Split(','))
        {
            var descending = part.StartsWith('-');
            Func<Product, object> key = part.TrimStart('-') switch
            {
                "Name" => p => p.Name,
                "Sku" => p => p.Sku,
                "Price" => p => p.Price,
                "Stock" => p => p.Stock,
                _ => p => p.IsActive,
            };
            var comparer = Comparer<object>.Create((a, b) => a is string x && b is string y ? string.CompareOrdinal(x, y) : Comparer<object>.Default.Compare(a, b));
            sorted = sorted is null
                ? descending ? products.OrderByDescending(key, comparer) : products.OrderBy(key, comparer)
                : descending ? sorted.ThenByDescending(key, comparer) : sorted.ThenBy(key, comparer);
        }
        return sorted!.ThenBy(p => p.Id).Select(p => p.Name).ToList();
    }

    [Theory]
    [MemberData(nameof(Orderings))]
    public async Task Keyset_and_from_the_end_pages_equal_offset_pages(string order, string ordering)
    {
        var expected = Expected(await SeedAsync(), ordering);
        var client = await _factory.LoggedInClientAsync("root@example.com", staff: true, superuser: true);
        var query = order.Length == 0 ? "" : order + "&";
        var pages = ProductCount / 100;

        // Following the pager's links: each next page seeks past the previous page's last row.
        var page = await client.GetHtmlAsync(Products + (order.Length == 0 ? "" : "?" + order));
        for (var number = 1; number <= pages; number++)
        {
            Assert.Equal(expected.Skip((number - 1) * 100).Take(100).ToList(), Names(page));
            if (number == pages) break;
            var next = NextPageLink(page, number + 1);
            Assert.Contains("_seek=", next);
            page = await client.GetHtmlAsync(next);
        }

        // Typed page numbers: offset near the start, read from the end past the middle.
        foreach (var number in new[] { 2, 5, 6, 9, pages })
        {
            var typed = await client.GetHtmlAsync($"{Products}?{query}p={number}");
            Assert.Equal(expected.Skip((number - 1) * 100).Take(100).ToList(), Names(typed));
        }
    }

    [Fact]
    public async Task A_big_table_shows_an_estimate_and_a_link_to_the_exact_count()
    {
        await SeedAsync();
        var client = await _factory.LoggedInClientAsync("root@example.com", staff: true, superuser: true);

        var page = await client.GetHtmlAsync(Products);
        var count = page.QuerySelector(".admin-result-count")!.TextContent;
        var link = page.QuerySelector(".admin-full-count")!;
        var exact = await client.GetHtmlAsync(link.GetAttribute("href")!);

        Assert.StartsWith("about ", count);
        Assert.EndsWith(" products", count);
        Assert.Equal("Show the exact count", link.TextContent);
        Assert.Equal("1,000 products", exact.QuerySelector(".admin-result-count")!.TextContent);
        Assert.Null(exact.QuerySelector(".admin-full-count"));
    }

    [Fact]
    public async Task A_big_filtered_list_says_more_than_the_limit_and_a_narrow_one_counts_exactly()
    {
        var products = await SeedAsync();
        var hats = products.First(p => p.Name == "P0000").CategoryId;
        var client = await _factory.LoggedInClientAsync("root@example.com", staff: true, superuser: true);

        var big = await client.GetHtmlAsync($"{Products}?CategoryId={hats}");
        var exact = await client.GetHtmlAsync(big.QuerySelector(".admin-full-count")!.GetAttribute("href")!);
        var narrow = await client.GetHtmlAsync($"{Products}?q=P000");

        Assert.Equal("more than 50 products", big.QuerySelector(".admin-result-count")!.TextContent);
        Assert.Equal($"{products.Count(p => p.CategoryId == hats)} products", exact.QuerySelector(".admin-result-count")!.TextContent);
        Assert.Equal("10 products", narrow.QuerySelector(".admin-result-count")!.TextContent);
        Assert.Null(narrow.QuerySelector(".admin-full-count"));
    }

    [Fact]
    public async Task A_page_past_the_end_of_an_estimated_list_redirects_with_the_error_flag()
    {
        await SeedAsync();
        var client = await _factory.LoggedInClientAsync("root@example.com", staff: true, superuser: true);

        using var response = await client.GetAsync(Products + "?p=11");

        Assert.Equal(System.Net.HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(Products + "?e=1", response.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task A_seek_anchor_that_is_not_a_key_is_ignored()
    {
        var expected = Expected(await SeedAsync(), "Name");
        var client = await _factory.LoggedInClientAsync("root@example.com", staff: true, superuser: true);

        foreach (var anchor in new[] { "x", "1.abc", "9.999999", "-1.5" })
        {
            var page = await client.GetHtmlAsync($"{Products}?p=3&_seek={anchor}");
            Assert.Equal(expected.Skip(200).Take(100).ToList(), Names(page));
        }
    }

    private static List<string> Names(IHtmlDocument page) => AdminPages.FirstColumn(page);

    private static string NextPageLink(IHtmlDocument page, int number) =>
        page.QuerySelectorAll(".admin-pager a.page-link").First(a => a.TextContent.Trim() == number.ToString(System.Globalization.CultureInfo.InvariantCulture))
            .GetAttribute("href")!;
}
