using System.Text.RegularExpressions;
using Microsoft.Playwright;
using WebApp.Tests.Infrastructure;

namespace WebApp.Tests.EndToEnd;

/// <summary>On a phone, a staff member uploads a product picture in the admin and sees it on the product page.</summary>
[Collection(BrowserCollection.Name)]
public sealed class ProductImageBrowserTests(BrowserFixture browser) : IDisposable
{
    private const string Email = "picture.staff@example.com";
    private readonly LiveServerFactory _server = new();

    public void Dispose() => _server.Dispose();

    [Fact]
    public async Task Staff_upload_a_picture_at_phone_width_and_see_it_on_the_product_page()
    {
        var baseUrl = _server.Start();
        var catalog = new CatalogBuilder();
        var boots = catalog.Product("Hiking Boot", 120m, catalog.Category("Outdoor"), slug: "hiking-boot", sku: "BOOT-9");
        await catalog.SaveAsync(_server);
        await _server.CreateUserAsync(Email, staff: true, permissions:
            ["catalog.view_product", "catalog.view_productimage", "catalog.add_productimage", "catalog.change_productimage"]);
        var page = await browser.NewPageAsync(baseUrl, phoneWidth: 390);

        await page.GotoAsync("/products/hiking-boot");
        await Assertions.Expect(page.Locator(".product-image-main")).ToHaveAttributeAsync("src", MediaPlaceholder);

        await page.GotoAsync("/Identity/Account/Login?ReturnUrl=%2Fadmin%2F");
        await page.GetByLabel("Email").FillAsync(Email);
        await page.GetByLabel("Password").FillAsync(TestUsers.Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Log in" }).ClickAsync();
        // The URL, not the page's load event (which a busy machine can hold past the timeout), as the other journeys do.
        await Assertions.Expect(page).ToHaveURLAsync(new Regex("/admin/$"));
        await page.GotoAsync($"/admin/catalog/product/{boots.Id}/change/");
        await page.GetByRole(AriaRole.Link, new() { Name = "Add an image" }).ClickAsync();
        await page.GetByRole(AriaRole.Combobox, new() { Name = "Product", Exact = true }).FillAsync("hiking");
        await page.GetByRole(AriaRole.Option, new() { Name = "Hiking Boot", Exact = true }).ClickAsync();
        await page.GetByLabel("Alt text").FillAsync("A brown hiking boot, laced");
        await page.Locator("#id_Image").SetInputFilesAsync(new FilePayload
        {
            Name = "boot.png",
            MimeType = "image/png",
            Buffer = TestImages.Png(900, 600),
        });
        await page.GetByRole(AriaRole.Button, new() { Name = "Save", Exact = true }).ClickAsync();
        await Assertions.Expect(page.Locator(".admin-messages")).ToContainTextAsync("was added successfully");

        await page.GotoAsync("/products/hiking-boot");
        var picture = page.GetByRole(AriaRole.Img, new() { Name = "A brown hiking boot, laced" });
        await Assertions.Expect(picture).ToBeVisibleAsync();
        // Decoded by the browser: a real picture, from the size srcset chose for this screen.
        await page.WaitForFunctionAsync("() => { const i = document.querySelector('.product-image-main'); return i.complete && i.naturalWidth > 0; }");
        Assert.Matches(@"/media/[0-9a-f]{32}-(160|320|640|900)\.jpg$", await picture.EvaluateAsync<string>("i => i.currentSrc"));
        var box = await picture.BoundingBoxAsync();
        Assert.True(box!.Width <= 390, $"The picture is {box.Width} px wide on a 390 px screen.");
    }

    private const string MediaPlaceholder = WebApp.Media.MediaImageHtml.PlaceholderUrl;
}
