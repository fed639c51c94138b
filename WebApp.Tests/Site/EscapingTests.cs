using AngleSharp.Html.Dom;
using WebApp.Tests.Infrastructure;

namespace WebApp.Tests.Site;

/// <summary>Shop data is text: markup in names, descriptions and reviews is shown, never run.</summary>
public class EscapingTests(EscapingTests.Catalog site) : IClassFixture<EscapingTests.Catalog>
{
    private const string Script = "<script>alert(1)</script>";

    public sealed class Catalog : CatalogSiteFactory
    {
        protected override void Build(CatalogBuilder catalog)
        {
            var category = catalog.Category("<b>Bold</b> & Co", slug: "bold", description: "<img src=x onerror=alert(2)>");
            var product = catalog.Product(Script, 1m, category, slug: "script-product", description: "Line one\n<script>alert(3)</script>");
            catalog.Tag("<i>tag</i>", product);
            catalog.Review(product, catalog.User("<u>x</u>@example.com", "<em>Eve</em>"), 1, "<h1>Title</h1>", "<script>alert(4)</script>");
        }
    }

    private readonly HttpClient _client = site.CreateClient();

    [Theory]
    [InlineData("/products")]
    [InlineData("/products?q=%3Cscript%3E")]
    [InlineData("/products/script-product")]
    [InlineData("/categories/bold")]
    [InlineData("/")]
    public async Task A_script_product_name_is_shown_as_text(string url)
    {
        var page = await _client.GetHtmlAsync(url);

        Assert.Contains(Script, page.QuerySelector("main")!.TextContent);
        AssertNoInjectedMarkup(page);
    }

    [Fact]
    public async Task Descriptions_tags_and_reviews_are_shown_as_text()
    {
        var page = await _client.GetHtmlAsync("/products/script-product");
        var main = page.QuerySelector("main")!.TextContent;

        Assert.Contains("<script>alert(3)</script>", main);
        Assert.Contains("<i>tag</i>", main);
        Assert.Contains("<h1>Title</h1>", main);
        Assert.Contains("<em>Eve</em>", main);
        Assert.Contains("<script>alert(4)</script>", main);
        Assert.Contains("<b>Bold</b> & Co", main);
        AssertNoInjectedMarkup(page);
    }

    [Fact]
    public async Task A_category_description_is_shown_as_text()
    {
        var page = await _client.GetHtmlAsync("/categories/bold");

        Assert.Contains("<img src=x onerror=alert(2)>", page.QuerySelector(".category-description")!.TextContent);
        AssertNoInjectedMarkup(page);
    }

    [Fact]
    public async Task A_searched_script_is_echoed_as_text()
    {
        var page = await _client.GetHtmlAsync("/products?q=" + Uri.EscapeDataString("\"><script>alert(5)</script>"));

        Assert.Equal("\"><script>alert(5)</script>", page.QuerySelector("#filter-q")!.GetAttribute("value"));
        AssertNoInjectedMarkup(page);
    }

    private static void AssertNoInjectedMarkup(IHtmlDocument page)
    {
        Assert.DoesNotContain(page.QuerySelectorAll("script"), script => script.TextContent.Contains("alert"));
        Assert.Empty(page.QuerySelectorAll("b, i, u, em"));
        // The only pictures are the shop's own: product images from the media store or the placeholder.
        Assert.All(page.QuerySelectorAll("img"), img => Assert.Matches("^/(media/[0-9a-f]{32}-[0-9]+\\.jpg|images/no-image\\.svg)$", img.GetAttribute("src")));
        Assert.Single(page.QuerySelectorAll("h1"));
    }
}
