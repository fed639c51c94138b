using Microsoft.Playwright;
using WebApp.Tests.Infrastructure;

namespace WebApp.Tests.EndToEnd;

/// <summary>A shopper in real Chromium against the app on Kestrel: browse, search, open a product, register, log out, log in.</summary>
[Collection(BrowserCollection.Name)]
public sealed class ShopperBrowserTests(BrowserFixture browser) : IDisposable
{
    private readonly LiveServerFactory _server = new();

    public void Dispose() => _server.Dispose();

    private async Task<IPage> OpenSiteWithCatalogAsync()
    {
        var catalog = new CatalogBuilder();
        var kitchen = catalog.Category("Kitchen");
        var garden = catalog.Category("Garden");
        catalog.Product("Copper Kettle", 49.90m, kitchen, description: "Whistles when the water boils.");
        catalog.Product("Cast Iron Pan", 35.00m, kitchen);
        catalog.Product("Garden Hose", 19.99m, garden);
        catalog.Product("Retired Teapot", 5m, kitchen, active: false);
        var baseUrl = _server.Start();
        await catalog.SaveAsync(_server);
        return await browser.NewPageAsync(baseUrl);
    }

    [Fact]
    public async Task Shopper_browses_searches_and_opens_a_product()
    {
        var page = await OpenSiteWithCatalogAsync();
        await page.GotoAsync("/");
        await page.GetByRole(AriaRole.Navigation, new() { Name = "Main" })
            .GetByRole(AriaRole.Link, new() { Name = "Products", Exact = true }).ClickAsync();

        await Assertions.Expect(page.Locator(".result-count")).ToHaveTextAsync("3 products");
        await Assertions.Expect(page.Locator(".product-list tbody tr")).ToHaveCountAsync(3);
        await Assertions.Expect(page.GetByText("Retired Teapot")).ToHaveCountAsync(0);

        await page.GetByLabel("Search", new() { Exact = true }).FillAsync("kettle");
        await page.GetByRole(AriaRole.Button, new() { Name = "Show" }).ClickAsync();
        await Assertions.Expect(page.Locator(".result-count")).ToHaveTextAsync("1 product");
        Assert.Contains("q=kettle", page.Url);

        await page.GetByRole(AriaRole.Link, new() { Name = "Copper Kettle" }).ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/products/copper-kettle$"));
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Copper Kettle");
        await Assertions.Expect(page.GetByText("$49.90").First).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByText("Whistles when the water boils.")).ToBeVisibleAsync();
    }

    [Fact]
    public async Task Shopper_registers_logs_in_logs_out_and_logs_in_again()
    {
        var page = await OpenSiteWithCatalogAsync();
        await page.GotoAsync("/");

        await page.GetByRole(AriaRole.Link, new() { Name = "Register" }).ClickAsync();
        await page.GetByLabel("Email").FillAsync("shopper@example.com");
        await page.GetByLabel("Password", new() { Exact = true }).FillAsync("Shopper!2345");
        await page.GetByLabel("Confirm password").FillAsync("Shopper!2345");
        await page.GetByRole(AriaRole.Button, new() { Name = "Register" }).ClickAsync();

        // Registration answers a new and a taken address alike, so it does not sign in: the shopper logs in next.
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Check your email" })).ToBeVisibleAsync();
        var registered = await _server.WithDbAsync(db => Task.FromResult(db.Users.Count(u => u.Email == "shopper@example.com")));
        Assert.Equal(1, registered);
        await page.GetByRole(AriaRole.Link, new() { Name = "log in", Exact = true }).ClickAsync();
        await page.GetByLabel("Email").FillAsync("shopper@example.com");
        await page.GetByLabel("Password").FillAsync("Shopper!2345");
        await page.GetByRole(AriaRole.Button, new() { Name = "Log in" }).ClickAsync();

        var logOut = page.GetByRole(AriaRole.Button, new() { Name = "Log out" });
        await Assertions.Expect(logOut).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "shopper@example.com" })).ToBeVisibleAsync();

        await logOut.ClickAsync();
        await Assertions.Expect(page.GetByText("You have logged out.")).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "Log in" })).ToBeVisibleAsync();

        await page.GetByRole(AriaRole.Link, new() { Name = "Log in" }).ClickAsync();
        await page.GetByLabel("Email").FillAsync("shopper@example.com");
        await page.GetByLabel("Password").FillAsync("wrong-password");
        await page.GetByRole(AriaRole.Button, new() { Name = "Log in" }).ClickAsync();
        await Assertions.Expect(page.GetByText("Invalid login attempt.")).ToBeVisibleAsync();

        await page.GetByLabel("Password").FillAsync("Shopper!2345");
        await page.GetByRole(AriaRole.Button, new() { Name = "Log in" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "Log out" })).ToBeVisibleAsync();
    }
}
