using Microsoft.Playwright;
using WebApp.Tests.Infrastructure;

namespace WebApp.Tests.EndToEnd;

/// <summary>The shop on a small phone (360 px, and 390 px like the report): no page scrolls sideways.</summary>
[Collection(BrowserCollection.Name)]
public sealed class PhoneWidthBrowserTests : IDisposable
{
    private const string Email = "phone.user@example.com";
    private readonly Shop.ManualClock _clock = new();
    private readonly BrowserFixture _browser;
    private readonly LiveServerFactory _server;

    public PhoneWidthBrowserTests(BrowserFixture browser)
    {
        _browser = browser;
        _server = new LiveServerFactory { Clock = _clock };
    }

    public void Dispose() => _server.Dispose();

    private async Task<string> StartShopAsync()
    {
        var baseUrl = _server.Start();
        var catalog = new CatalogBuilder();
        var kitchen = catalog.Category("Kitchen Equipment and Professional Cookware");
        catalog.Product("Copper Kettle", 49.90m, kitchen, slug: "copper-kettle");
        catalog.Product("Professional Stainless Steel Espresso Tamper with Walnut Handle", 1234.50m, kitchen, slug: "tamper",
            description: "Pasted link: https://example.com/a/very/long/path/that/never/ends/and/keeps/going/on/and/on");
        catalog.Product("Cast Iron Pan", 35.00m, kitchen);
        await catalog.SaveAsync(_server);
        await _server.CreateUserAsync(Email);
        return baseUrl;
    }

    private static async Task LogInAsync(IPage page)
    {
        await page.GotoAsync("/Identity/Account/Login");
        await page.GetByLabel("Email").FillAsync(Email);
        await page.GetByLabel("Password").FillAsync(TestUsers.Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Log in" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "Log out", IncludeHidden = true })).ToHaveCountAsync(1);
    }

    /// <summary>The elements sticking out past the right edge of the screen (none when nothing scrolls sideways).</summary>
    private static async Task AssertFitsAsync(IPage page)
    {
        var overflow = await page.EvaluateAsync<string[]>("""
            () => {
                const width = document.documentElement.clientWidth;
                const wide = [...document.querySelectorAll('body *')]
                    .filter(e => e.getBoundingClientRect().right > width + 0.5 && getComputedStyle(e).visibility !== 'hidden')
                    .filter(e => !e.closest('.visually-hidden, .visually-hidden-focusable, .collapse:not(.show)'))
                    .map(e => `${e.tagName.toLowerCase()}.${[...e.classList].join('.')} right=${Math.round(e.getBoundingClientRect().right)}`);
                return document.documentElement.scrollWidth > width ? [`scrollWidth=${document.documentElement.scrollWidth}`, ...wide] : wide;
            }
            """);
        Assert.True(overflow.Length == 0, $"{page.Url} is wider than the screen: {string.Join("; ", overflow.Take(8))}");
    }

    [Theory]
    [InlineData(360)]
    [InlineData(390)]
    public async Task No_page_scrolls_sideways_on_a_phone(int width)
    {
        var page = await _browser.NewPageAsync(await StartShopAsync(), width);
        foreach (var path in new[] { "/", "/products", "/products/tamper", "/categories", "/Identity/Account/Login", "/Identity/Account/Register" })
        {
            await page.GotoAsync(path);
            await AssertFitsAsync(page);
        }

        await LogInAsync(page);
        await page.GotoAsync("/products/copper-kettle");
        await page.GetByRole(AriaRole.Button, new() { Name = "Add to cart" }).ClickAsync();
        await Assertions.Expect(page.Locator(".status-message")).ToContainTextAsync("to your cart");
        await page.GotoAsync("/products/tamper");
        await page.GetByRole(AriaRole.Button, new() { Name = "Add to cart" }).ClickAsync();
        await Assertions.Expect(page.Locator(".status-message")).ToContainTextAsync("to your cart");
        foreach (var path in new[] { "/cart", "/checkout", "/Identity/Account/Manage", "/Identity/Account/Manage/EnableAuthenticator" })
        {
            await page.GotoAsync(path);
            await AssertFitsAsync(page);
        }

        await page.GotoAsync("/checkout");
        await EnterAddressPayingByBankTransferAsync(page);
        await page.GetByRole(AriaRole.Button, new() { Name = "Review order" }).ClickAsync();
        await AssertFitsAsync(page);
        await page.GetByRole(AriaRole.Button, new() { Name = "Place order" }).ClickAsync();
        await Assertions.Expect(page.Locator(".order-status")).ToHaveTextAsync("Pending");
        await AssertFitsAsync(page);
        var number = (await page.Locator(".order-number").First.TextContentAsync())!.Trim();
        foreach (var path in new[] { "/orders", $"/orders/{number}/cancel" })
        {
            await page.GotoAsync(path);
            await AssertFitsAsync(page);
        }
    }

    [Fact]
    public async Task On_a_phone_the_product_list_keeps_add_to_cart_on_screen_and_names_whole()
    {
        var page = await _browser.NewPageAsync(await StartShopAsync(), 390);

        await page.GotoAsync("/products");

        var buttons = page.GetByRole(AriaRole.Button, new() { Name = "Add to cart" });
        await Assertions.Expect(buttons).ToHaveCountAsync(3);
        foreach (var button in await buttons.AllAsync())
        {
            var box = (await button.BoundingBoxAsync())!;
            Assert.InRange(box.X + box.Width, 0, 390);
        }
        // A word split over two lines has two boxes.
        var splitWords = await page.EvaluateAsync<string[]>("""
            () => [...document.querySelectorAll('.product-list .product-name a')].flatMap(link => {
                const text = link.firstChild, split = [];
                for (const match of text.textContent.matchAll(/\S+/g)) {
                    const range = document.createRange();
                    range.setStart(text, match.index);
                    range.setEnd(text, match.index + match[0].length);
                    if (range.getClientRects().length > 1) split.push(match[0]);
                }
                return split;
            })
            """);
        Assert.Empty(splitWords);
    }

    private static async Task EnterAddressPayingByBankTransferAsync(IPage page)
    {
        await page.GetByLabel("Full name").FillAsync("Ada Lovelace");
        await page.GetByLabel("Address line 1").FillAsync("1 Analytical Street");
        await page.GetByLabel("City").FillAsync("London");
        await page.GetByLabel("Postal code").FillAsync("N1 9GU");
        await page.GetByLabel("Country").SelectOptionAsync("United Kingdom");
        await page.GetByRole(AriaRole.Radio, new() { Name = "Bank transfer" }).CheckAsync();
    }

    private static async Task OpenMenuAsync(IPage page)
    {
        await page.GetByRole(AriaRole.Button, new() { Name = "Toggle navigation" }).ClickAsync();
        await Assertions.Expect(page.Locator("#main-navigation")).ToBeVisibleAsync();
    }

    [Fact]
    public async Task A_visitor_registers_sets_up_two_factor_slowly_buys_and_cancels_with_confirmation_on_a_phone()
    {
        var page = await _browser.NewPageAsync(await StartShopAsync(), 390);
        const string email = "new.visitor@example.com", password = "Visitor!2345";

        await page.GotoAsync("/");
        await OpenMenuAsync(page);
        // The menu offers the link; following its address avoids racing the menu's opening animation.
        var register = page.GetByRole(AriaRole.Link, new() { Name = "Register" });
        await Assertions.Expect(register).ToBeVisibleAsync();
        await page.GotoAsync((await register.GetAttributeAsync("href"))!);
        await page.GetByLabel("Email").FillAsync(email);
        await page.GetByLabel("Password", new() { Exact = true }).FillAsync(password);
        await page.GetByLabel("Confirm password").FillAsync(password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Register" }).ClickAsync();
        // Registration answers a new and a taken address alike and does not sign in: the visitor logs in next.
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Check your email" })).ToBeVisibleAsync();
        await AssertFitsAsync(page);
        await page.GetByRole(AriaRole.Link, new() { Name = "log in", Exact = true }).ClickAsync();
        await page.GetByLabel("Email").FillAsync(email);
        await page.GetByLabel("Password").FillAsync(password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Log in" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "Log out", IncludeHidden = true })).ToHaveCountAsync(1);

        // Two-factor set-up: the visitor takes three minutes (installing an app) before typing the code.
        await page.GotoAsync("/Identity/Account/Manage/TwoFactorAuthentication");
        await page.GetByRole(AriaRole.Link, new() { Name = "Add authenticator app" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Img, new() { Name = "QR code for your authenticator app" })).ToBeVisibleAsync();
        await AssertFitsAsync(page);
        var key = (await page.Locator(".authenticator-key").TextContentAsync())!;
        _clock.Advance(TimeSpan.FromMinutes(3));
        await page.GetByLabel("Verification code").FillAsync(AuthenticatorCodes.Now(key));
        await page.GetByRole(AriaRole.Button, new() { Name = "Verify" }).ClickAsync();
        await Assertions.Expect(page.GetByText("Your authenticator app has been verified.")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator(".recovery-code")).ToHaveCountAsync(10);
        Assert.True(await _server.WithDbAsync(db => Task.FromResult(db.Users.Single(u => u.Email == email).TwoFactorEnabled)));

        // Logging in again asks for the code.
        await OpenMenuAsync(page);
        await page.GetByRole(AriaRole.Button, new() { Name = "Log out" }).ClickAsync();
        await page.GotoAsync("/Identity/Account/Login");
        await page.GetByLabel("Email").FillAsync(email);
        await page.GetByLabel("Password").FillAsync(password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Log in" }).ClickAsync();
        await page.GetByLabel("Authenticator code").FillAsync(AuthenticatorCodes.Now(key));
        await page.GetByRole(AriaRole.Button, new() { Name = "Log in" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "Log out", IncludeHidden = true })).ToHaveCountAsync(1);

        // Buys, then cancels: the order page asks first.
        await page.GotoAsync("/products");
        await page.GetByRole(AriaRole.Button, new() { Name = "Add to cart" }).First.ClickAsync();
        await Assertions.Expect(page.Locator(".status-message")).ToContainTextAsync("to your cart");
        await page.GotoAsync("/cart");
        await page.GetByRole(AriaRole.Link, new() { Name = "Proceed to checkout" }).ClickAsync();
        await EnterAddressPayingByBankTransferAsync(page);
        await page.GetByRole(AriaRole.Button, new() { Name = "Review order" }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Place order" }).ClickAsync();
        await Assertions.Expect(page.Locator(".order-status")).ToHaveTextAsync("Pending");
        await Assertions.Expect(page.Locator(".next-step")).ToContainTextAsync("Please transfer");
        await Assertions.Expect(page.Locator(".next-step")).ToContainTextAsync((await page.Locator("h1 .order-number").TextContentAsync())!.Trim());

        await page.GetByRole(AriaRole.Link, new() { Name = "Cancel order…" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync("Cancel order");
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "Yes, cancel this order" })).ToBeVisibleAsync();
        Assert.Equal(WebApp.Orders.OrderStatus.Pending, await _server.WithDbAsync(db => Task.FromResult(db.Orders.Single().Status)));
        await page.GetByRole(AriaRole.Button, new() { Name = "Yes, cancel this order" }).ClickAsync();
        await Assertions.Expect(page.Locator(".order-status")).ToHaveTextAsync("Cancelled");
        await AssertFitsAsync(page);

        // Buys again, paying on delivery: the form starts from the last order's address.
        await page.GotoAsync("/products");
        await page.GetByRole(AriaRole.Button, new() { Name = "Add to cart" }).First.ClickAsync();
        await Assertions.Expect(page.Locator(".status-message")).ToContainTextAsync("to your cart");
        await page.GotoAsync("/checkout");
        await Assertions.Expect(page.GetByLabel("City")).ToHaveValueAsync("London");
        await page.GetByRole(AriaRole.Radio, new() { Name = "Pay on delivery" }).CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Review order" }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Place order" }).ClickAsync();
        await Assertions.Expect(page.Locator(".next-step")).ToContainTextAsync("Nothing to pay now");
    }
}
