using System.Net;
using AngleSharp.Dom;
using Microsoft.AspNetCore.Mvc.Testing;
using WebApp.Tests.Infrastructure;
using WebApp.Tests.Shop;

namespace WebApp.Tests.Site;

/// <summary>Product pictures on the shop's pages: every size in srcset, width and height, alt text, lazy loading below the fold.</summary>
public class ProductImagesTests(ProductImagesTests.Catalog site) : IClassFixture<ProductImagesTests.Catalog>
{
    public sealed class Catalog : CatalogSiteFactory
    {
        protected override void Build(CatalogBuilder catalog)
        {
            var shoes = catalog.Category("Shoes");
            var boot = catalog.Product("Boot", 80m, shoes, sku: "BOOT-1");
            catalog.Image(boot, "Boot, sole", 600, 600, primary: false, sortOrder: 2);
            catalog.Image(boot, "Boot, side view", 1000, 750, primary: true, sortOrder: 5);
            catalog.Product("Sandal", 30m, shoes, sku: "SANDAL-1");
        }
    }

    private readonly HttpClient _client = site.CreateClient();

    private static IElement Row(AngleSharp.Html.Dom.IHtmlDocument page, string name) =>
        page.QuerySelectorAll(".product-list tbody tr").Single(r => r.QuerySelector(".product-name a")!.TextContent == name);

    [Fact]
    public async Task The_list_shows_each_product_s_primary_picture_small_and_lazy()
    {
        var page = await _client.GetHtmlAsync("/products");

        var image = Row(page, "Boot").QuerySelector("img")!;
        Assert.Equal("Boot, side view", image.GetAttribute("alt"));
        Assert.Equal(("80", "60", "lazy", "80px"), (image.GetAttribute("width"), image.GetAttribute("height"), image.GetAttribute("loading"), image.GetAttribute("sizes")));
        var key = image.GetAttribute("src")!.Split('/')[^1].Split('-')[0];
        Assert.Equal($"/media/{key}-160.jpg", image.GetAttribute("src"));
        Assert.Equal($"/media/{key}-160.jpg 160w, /media/{key}-320.jpg 320w, /media/{key}-640.jpg 640w, /media/{key}-1000.jpg 1000w", image.GetAttribute("srcset"));
    }

    [Fact]
    public async Task A_product_without_pictures_gets_a_neutral_placeholder()
    {
        var page = await _client.GetHtmlAsync("/products");

        var image = Row(page, "Sandal").QuerySelector("img")!;
        Assert.Equal(("/images/no-image.svg", "", "80", "60"), (image.GetAttribute("src"), image.GetAttribute("alt"), image.GetAttribute("width"), image.GetAttribute("height")));
        Assert.Equal(HttpStatusCode.OK, (await _client.GetAsync("/images/no-image.svg")).StatusCode);
        Assert.Equal("/images/no-image.svg", (await _client.GetHtmlAsync("/products/sandal")).QuerySelector(".product-image-main")!.GetAttribute("src"));
    }

    [Fact]
    public async Task The_product_page_loads_its_first_picture_at_once_and_the_others_lazily()
    {
        var page = await _client.GetHtmlAsync("/products/boot");

        var main = page.QuerySelector(".product-image-main")!;
        Assert.Equal("Boot, side view", main.GetAttribute("alt"));
        Assert.Null(main.GetAttribute("loading"));
        Assert.Equal(("640", "480"), (main.GetAttribute("width"), main.GetAttribute("height")));
        Assert.Equal("(min-width: 992px) 640px, 100vw", main.GetAttribute("sizes"));
        Assert.EndsWith("-640.jpg", main.GetAttribute("src"));
        Assert.Equal(4, main.GetAttribute("srcset")!.Split(", ").Length);

        var more = Assert.Single(page.QuerySelectorAll(".product-image-more img"));
        Assert.Equal(("Boot, sole", "lazy", "160", "160"), (more.GetAttribute("alt"), more.GetAttribute("loading"), more.GetAttribute("width"), more.GetAttribute("height")));
        Assert.EndsWith("-600.jpg", more.ParentElement!.GetAttribute("href"));
    }

    [Fact]
    public async Task Every_address_in_a_srcset_serves_a_picture_of_that_width()
    {
        var page = await _client.GetHtmlAsync("/products/boot");

        foreach (var candidate in page.QuerySelector(".product-image-main")!.GetAttribute("srcset")!.Split(", "))
        {
            var (url, width) = (candidate.Split(' ')[0], int.Parse(candidate.Split(' ')[1].TrimEnd('w')));
            var response = await _client.GetAsync(url);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Equal(width, TestImages.Inspect(await response.Content.ReadAsByteArrayAsync()).Width);
        }
    }

    [Fact]
    public async Task The_cart_shows_the_primary_picture_beside_each_line()
    {
        // Over HTTPS, as a browser: the cart cookie is Secure.
        var client = site.CreateClient(new WebApplicationFactoryClientOptions { BaseAddress = new Uri("https://localhost"), AllowAutoRedirect = false, HandleCookies = true });
        var bootId = int.Parse((await client.GetHtmlAsync("/products/boot")).QuerySelector("input[name=ProductId]")!.GetAttribute("value")!);
        await client.AddToCartAsync(bootId);

        var page = await client.GetHtmlAsync("/cart");

        var image = page.QuerySelector(".cart-line img") ?? throw new Xunit.Sdk.XunitException(page.QuerySelector("main")?.OuterHtml);
        Assert.Equal(("Boot, side view", "64", "48", "lazy"), (image.GetAttribute("alt"), image.GetAttribute("width"), image.GetAttribute("height"), image.GetAttribute("loading")));
        Assert.Contains("160w", image.GetAttribute("srcset"));
    }
}
