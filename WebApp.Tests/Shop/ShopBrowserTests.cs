using Microsoft.Playwright;
using WebApp.Tests.Infrastructure;

namespace WebApp.Tests.Shop;

/// <summary>The cart in a real browser over plain HTTP on loopback.</summary>
[Collection(BrowserCollection.Name)]
public sealed class ShopBrowserTests(BrowserFixture browser) : IDisposable
{
    private readonly LiveServerFactory _server = new();

    public void Dispose() => _server.Dispose();

    [Fact]
    public async Task A_visitor_adds_changes_and_removes_cart_lines_in_chromium()
    {
        var page = await browser.NewPageAsync(_server.Start());
        var product = await _server.CreateProductAsync(name: "Browser Kettle", price: 20m, stock: 4);

        await page.GotoAsync($"/cart/add?productId={product.Id}");
        await page.GetByLabel("Quantity").FillAsync("2");
        await page.GetByRole(AriaRole.Button, new() { Name = "Add to cart" }).ClickAsync();
        Assert.Equal("Added 2 × Browser Kettle to your cart.", (await page.Locator(".status-message").TextContentAsync())?.Trim());

        await page.GotoAsync("/cart");
        await page.GetByLabel("Quantity of Browser Kettle").FillAsync("3");
        await page.GetByRole(AriaRole.Button, new() { Name = "Update" }).ClickAsync();
        Assert.Equal("$60.00", await page.Locator(".cart-subtotal").TextContentAsync());

        await page.GetByRole(AriaRole.Button, new() { Name = "Remove Browser Kettle" }).ClickAsync();
        Assert.Equal($"Removed Browser Kettle from your cart.", (await page.Locator(".status-message").TextContentAsync())?.Trim());
        Assert.Equal(1, await page.Locator(".cart-empty").CountAsync());
    }

    [Fact]
    public async Task A_visitor_adds_to_the_cart_from_a_shared_product_page_whose_form_fetches_its_token()
    {
        var page = await browser.NewPageAsync(_server.Start());
        var product = await _server.CreateProductAsync(name: "Shared Page Kettle", price: 20m, stock: 4);
        await page.GotoAsync($"/products/{product.Slug}");
        await page.GotoAsync($"/products/{product.Slug}");
        Assert.Equal(0, await page.Locator("form.add-to-cart input[name=__RequestVerificationToken]").CountAsync());

        await page.GetByLabel("Quantity").FillAsync("2");
        await page.GetByRole(AriaRole.Button, new() { Name = "Add to cart" }).ClickAsync();

        Assert.Equal("Added 2 × Shared Page Kettle to your cart.", (await page.Locator(".status-message").TextContentAsync())?.Trim());
        Assert.Equal("Cart (2) items", (await page.Locator(".cart-link").TextContentAsync())?.Trim());
    }
}
