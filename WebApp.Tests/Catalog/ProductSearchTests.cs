using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using WebApp.Catalog;
using WebApp.Tests.Api;
using WebApp.Tests.Infrastructure;
using WebApp.Tests.Site;

namespace WebApp.Tests.Catalog;

/// <summary>
/// Searching through the full-text index finds exactly what SQLite's LIKE did on every row: a substring of the name,
/// SKU or description, ASCII letters in any case, other characters as typed, % _ \ " and FTS syntax taken literally.
/// </summary>
public class ProductSearchTests(ProductSearchTests.Catalog site) : IClassFixture<ProductSearchTests.Catalog>
{
    public sealed class Catalog : CatalogSiteFactory
    {
        public List<Product> Products { get; } = [];

        protected override IDictionary<string, string?> ExtraSettings => new Dictionary<string, string?>
        {
            ["Api:RateLimit:PermitLimit"] = "100000",
        };

        protected override void Build(CatalogBuilder catalog)
        {
            var kitchen = catalog.Category("Kitchen");
            var clothing = catalog.Category("Clothing");
            var garden = catalog.Category("Garden");
            var lighting = catalog.Category("Lighting");
            Products.AddRange(
            [
                catalog.Product("Crème Brûlée Torch", 30m, kitchen, sku: "KIT-001", description: "Caramelises sugar."),
                catalog.Product("Ünïcode Kettle", 40m, kitchen, sku: "KTL-1", description: "Says ÄÖÜ and äöü."),
                catalog.Product("Quote \"Mug\"", 8m, kitchen, sku: "MUG-1", description: "Prints \"hello\" on the side."),
                catalog.Product("Box 1 Set", 12m, kitchen, sku: "BOX-X11"),
                catalog.Product("Path\\Finder Map", 5m, kitchen, sku: "MAP-9", description: "A map of C:\\Trails."),
                catalog.Product("Fire 🔥🔥 Pit", 99m, garden, sku: "PIT-1", description: "Warm."),
                catalog.Product("Wool Socks 100%", 9m, clothing, sku: "SOX_100", description: "Keeps feet warm; 100% wool."),
                catalog.Product("Socks 50% off", 4m, clothing, sku: "SOX-50", description: "Half price."),
                catalog.Product("Garden Hose", 25m, garden, sku: "GDN-HOSE-25", description: "25 m of hose."),
                catalog.Product("Hose Clip", 2m, garden, sku: "GDN-CLIP", description: "Fits every HOSE."),
                catalog.Product("Old Hose", 3m, garden, active: false, sku: "GDN-OLD", description: "Retired hose."),
            ]);
            for (var i = 1; i <= 30; i++)
                Products.Add(catalog.Product($"Lamp {i:00}", i * 7 % 31 + 1, lighting, sku: $"LMP-{i:00}", description: "A lamp."));
        }
    }

    private readonly HttpClient _client = site.CreateClient();

    [Theory]
    [InlineData("hose")]
    [InlineData("HOSE")]
    [InlineData("Hose Clip")]
    [InlineData("gdn-clip")] // SKU
    [InlineData("every hose")] // description
    [InlineData("100%")]
    [InlineData("% o")]
    [InlineData("x_1")] // _ is not a wildcard: BOX-X11 must not match
    [InlineData("_10")]
    [InlineData("h\\F")]
    [InlineData("C:\\T")]
    [InlineData("\"Mug\"")]
    [InlineData("\"hello\"")]
    [InlineData("a\"b")]
    [InlineData("brûlée")]
    [InlineData("BRÛLÉE")] // LIKE folds ASCII letters only, so nothing; the index folds more and must not widen it
    [InlineData("ünï")]
    [InlineData("Ünï")]
    [InlineData("ÄÖÜ")]
    [InlineData("äöü")]
    [InlineData("🔥🔥")] // two characters, four UTF-16 units: too short for the index
    [InlineData("lamp 0")]
    [InlineData("LAMP")]
    [InlineData("Lamp*")] // FTS syntax is text here
    [InlineData("Lamp OR Hose")]
    [InlineData("NEAR(lamp hose)")]
    [InlineData("'; DROP TABLE Products; --")]
    [InlineData("retired")] // only an inactive product says so
    [InlineData("zzz")]
    [InlineData("la")] // shorter than the index's trigrams
    [InlineData("o")]
    [InlineData("%")]
    [InlineData("_")]
    [InlineData("\\")]
    public async Task Finds_exactly_what_a_case_insensitive_substring_test_finds(string search)
    {
        var page = await ListAsync($"q={Uri.EscapeDataString(search)}&pageSize=100&sort=name");

        var expected = Expected(search).Select(p => p.Name).Order(StringComparer.Ordinal).ToList();
        Assert.Equal(expected, Names(page).Order(StringComparer.Ordinal).ToList());
        Assert.Equal(expected.Count, page.GetProperty("total").GetInt32());
    }

    [Fact]
    public async Task The_shop_page_shows_the_same_matches_and_count()
    {
        var page = await _client.GetHtmlAsync("/products?q=" + Uri.EscapeDataString("HOSE"));

        Assert.Equal(["Garden Hose", "Hose Clip"], ProductListHtml.Names(page));
        Assert.Equal("2 products", ProductListHtml.Count(page));
    }

    [Fact]
    public async Task A_search_combines_with_category_and_price_filters()
    {
        Assert.Equal(["Hose Clip"], Names(await ListAsync("q=hose&category=garden&maxPrice=5")));
        Assert.Equal(["Garden Hose"], Names(await ListAsync("q=hose&category=garden&minPrice=5")));
        Assert.Empty(Names(await ListAsync("q=hose&category=kitchen")));

        var page = await _client.GetHtmlAsync("/products?q=lamp&category=lighting&minPrice=10&maxPrice=20&sort=-price");
        var expected = Expected("lamp").Where(p => p.Price is >= 10m and <= 20m)
            .OrderByDescending(p => p.Price).ThenByDescending(p => p.Id).Select(p => p.Name).ToList();
        Assert.Equal(expected, ProductListHtml.Names(page));
        Assert.Equal($"{expected.Count} products", ProductListHtml.Count(page));
    }

    [Theory]
    [InlineData("price", 2)]
    [InlineData("-price", 1)]
    [InlineData("name", 2)]
    [InlineData("newest", 2)]
    public async Task A_search_sorts_and_pages_as_the_list_does(string sort, int pageNumber)
    {
        var page = await _client.GetHtmlAsync($"/products?q=lamp&sort={sort}&page={pageNumber}");

        var matches = Expected("lamp");
        IEnumerable<Product> sorted = sort switch
        {
            "price" => matches.OrderBy(p => p.Price).ThenBy(p => p.Id),
            "-price" => matches.OrderByDescending(p => p.Price).ThenByDescending(p => p.Id),
            "newest" => matches.OrderByDescending(p => p.CreatedAt).ThenByDescending(p => p.Id),
            _ => matches.OrderBy(p => p.Name, StringComparer.Ordinal).ThenBy(p => p.Id),
        };
        Assert.Equal(sorted.Skip((pageNumber - 1) * ProductListQuery.PageSize).Take(ProductListQuery.PageSize).Select(p => p.Name),
            ProductListHtml.Names(page));
        Assert.Equal("30 products", ProductListHtml.Count(page));
    }

    [Theory]
    [InlineData("lamp")]
    [InlineData("hose")]
    [InlineData("o")]
    [InlineData("BRÛLÉE")]
    public async Task Many_matches_read_in_list_order_give_the_same_pages(string search)
    {
        await using var scope = site.Services.CreateAsyncScope();
        var list = scope.ServiceProvider.GetRequiredService<ProductListQuery>();
        var criteria = new ProductListCriteria { Search = search };

        foreach (var sort in Enum.GetValues<ProductSort>())
        {
            for (var page = 1; page <= 3; page++)
            {
                var throughIndex = await list.PageOf<ProductListItem>(list.Matching(criteria, categoryId: null), sort, page, 10).ToListAsync();
                var inListOrder = await list.PageOf<ProductListItem>(list.Matching(criteria, categoryId: null, manyMatches: true), sort, page, 10).ToListAsync();
                Assert.Equal(throughIndex.Select(p => p.Id), inListOrder.Select(p => p.Id));
            }
        }
    }

    /// <summary>What SQLite's LIKE finds: the text in name, SKU or description, ASCII letters compared in any case.</summary>
    private List<Product> Expected(string search) =>
        site.Products.Where(p => p.IsActive && new[] { p.Name, p.Sku, p.Description }
            .Any(field => field is not null && Fold(field).Contains(Fold(search), StringComparison.Ordinal))).ToList();

    /// <summary>SQLite's LIKE folds ASCII letters only; PostgreSQL's ILIKE folds every letter.</summary>
    private static string Fold(string text) => TestDatabase.Provider == "Sqlite" ? AsciiLower(text) : text.ToLowerInvariant();

    private static string AsciiLower(string text) =>
        string.Create(text.Length, text, (chars, source) =>
        {
            for (var i = 0; i < source.Length; i++) chars[i] = char.IsAsciiLetterUpper(source[i]) ? (char)(source[i] + 32) : source[i];
        });

    private async Task<JsonElement> ListAsync(string query)
    {
        using var response = await _client.GetAsync("/api/products?" + query);
        return await response.ExpectJsonAsync();
    }

    private static List<string> Names(JsonElement page) =>
        page.GetProperty("items").EnumerateArray().Select(p => p.GetProperty("name").GetString()!).ToList();
}
