using System.Net;
using WebApp.Tests.Infrastructure;

namespace WebApp.Tests.Site;

public class ProductDetailsTests(ProductDetailsTests.Catalog site) : IClassFixture<ProductDetailsTests.Catalog>
{
    public sealed class Catalog : CatalogSiteFactory
    {
        protected override void Build(CatalogBuilder catalog)
        {
            var lamps = catalog.Category("Lamps");
            var desk = catalog.Product("Desk Lamp", 24.50m, lamps, stock: 3, sku: "LAMP-1",
                description: "Bright and adjustable.\nUses E27 bulbs.\n\nTwo-year warranty.");
            catalog.Tag("Lighting", desk);
            catalog.Tag("Office", desk);

            // Twelve approved reviews (ratings 5,4,5,4,... average 4.5), the latest on day 12, plus unapproved ones.
            var day = new DateTime(2026, 3, 1, 12, 0, 0, DateTimeKind.Utc);
            for (var n = 1; n <= 12; n++)
            {
                var author = n == 12 ? catalog.User("zoe.smith@example.com") : catalog.User($"reader{n}@example.com", $"Reader {n}");
                catalog.Review(desk, author, n % 2 == 1 ? 5 : 4, $"Approved {n}", $"Body {n}", createdAt: day.AddDays(n));
            }
            catalog.Review(desk, catalog.User("late@example.com"), 1, "Awaiting moderation", "Unapproved body", approved: false, createdAt: day.AddDays(30));

            catalog.Product("Floor Lamp", 80m, lamps, stock: 0, sku: "LAMP-2");
            catalog.Product("Old Lamp", 5m, lamps, active: false, sku: "LAMP-3");
        }
    }

    private readonly HttpClient _client = site.CreateClient();

    [Fact]
    public async Task Shows_name_category_tags_price_stock_and_description()
    {
        using var response = await _client.GetAsync("/products/desk-lamp");
        var page = await response.ReadHtmlAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Desk Lamp", page.QuerySelector("h1")!.TextContent.Trim());
        Assert.StartsWith("Desk Lamp", page.Title);
        Assert.Equal("/categories/lamps", page.QuerySelector("a.product-category")!.GetAttribute("href"));
        Assert.Equal(["Lighting", "Office"], page.QuerySelectorAll(".product-tags li").Select(tag => tag.TextContent.Trim()));
        Assert.Equal("$24.50", page.QuerySelector(".product-price")!.TextContent.Trim());
        Assert.Contains("In stock", page.QuerySelector(".product-availability")!.TextContent);
        Assert.Contains("3 available", page.QuerySelector(".product-availability")!.TextContent);

        var paragraphs = page.QuerySelectorAll(".product-description p").ToList();
        Assert.Equal(2, paragraphs.Count);
        Assert.Single(paragraphs[0].QuerySelectorAll("br"));
        Assert.Equal("Bright and adjustable. Uses E27 bulbs.", Words(paragraphs[0].TextContent));
        Assert.Equal("Two-year warranty.", paragraphs[1].TextContent.Trim());
    }

    [Fact]
    public async Task Shows_the_average_of_approved_reviews()
    {
        var page = await _client.GetHtmlAsync("/products/desk-lamp");

        Assert.Equal("4.5 out of 5 from 12 reviews", page.QuerySelector(".product-rating")!.TextContent.Trim());
    }

    [Fact]
    public async Task Shows_the_latest_ten_approved_reviews_newest_first()
    {
        var page = await _client.GetHtmlAsync("/products/desk-lamp");
        var reviews = page.QuerySelectorAll("article.review").ToList();

        Assert.Equal(Enumerable.Range(3, 10).Reverse().Select(n => $"Approved {n}"),
            reviews.Select(review => review.QuerySelector(".review-title")!.TextContent.Trim()));
        Assert.DoesNotContain("Awaiting moderation", page.Body!.TextContent);
        Assert.DoesNotContain("Unapproved body", page.Body!.TextContent);

        var newest = reviews[0];
        Assert.Equal("Rated 4 out of 5", newest.QuerySelector(".review-rating")!.TextContent.Trim());
        Assert.Equal("Body 12", newest.QuerySelector(".review-body")!.TextContent.Trim());
        Assert.Equal("2026-03-13", newest.QuerySelector("time")!.GetAttribute("datetime"));
        Assert.Equal("13 Mar 2026", newest.QuerySelector("time")!.TextContent.Trim());
    }

    [Fact]
    public async Task Names_authors_by_display_name_or_email_local_part_and_never_shows_the_address()
    {
        var page = await _client.GetHtmlAsync("/products/desk-lamp");
        var authors = page.QuerySelectorAll(".review-author").Select(author => author.TextContent.Trim()).ToList();

        Assert.Equal("zoe.smith", authors[0]);
        Assert.Equal("Reader 11", authors[1]);
        Assert.DoesNotContain("@example.com", page.Body!.TextContent);
    }

    [Fact]
    public async Task A_product_without_reviews_says_so_and_shows_out_of_stock()
    {
        var page = await _client.GetHtmlAsync("/products/floor-lamp");

        Assert.Equal("No reviews yet", page.QuerySelector(".product-rating")!.TextContent.Trim());
        Assert.Empty(page.QuerySelectorAll("article.review"));
        Assert.Equal("Out of stock", page.QuerySelector(".product-availability")!.TextContent.Trim());
    }

    [Theory]
    [InlineData("/products/nope")]
    [InlineData("/products/old-lamp")] // inactive
    public async Task A_missing_or_inactive_product_is_a_friendly_404(string url)
    {
        using var response = await _client.GetAsync(url);
        var page = await response.ReadHtmlAsync();

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("Page not found", page.QuerySelector("main h1")!.TextContent.Trim());
        Assert.NotNull(page.QuerySelector("main a[href='/']"));
    }

    private static string Words(string text) => string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
}
