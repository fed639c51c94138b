using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using WebApp.Cart;
using WebApp.Tests.Infrastructure;

namespace WebApp.Tests.EndToEnd;

/// <summary>
/// axe-core's WCAG 2.1 A and AA rules find nothing on the shop's and the admin's main pages, in the light and the dark
/// theme (the system's preference, which theme.js follows), in real Chromium.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class AccessibilityBrowserTests(BrowserFixture browser, AccessibilityBrowserTests.Shop shop)
    : IClassFixture<AccessibilityBrowserTests.Shop>
{
    private static readonly string[] WcagTags = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"];

    public const string ProductSlug = "copper-kettle";

    public enum Visitor { Anonymous, Customer, Staff }

    /// <summary>One app for every page and theme: a small catalog, a customer with an item in their cart, a superuser.</summary>
    public sealed class Shop : IAsyncLifetime
    {
        public const string CustomerEmail = "a11y.customer@example.com";
        public const string StaffEmail = "a11y.staff@example.com";

        public LiveServerFactory Server { get; } = new();
        public string BaseUrl { get; private set; } = "";
        public int ProductId { get; private set; }

        // Signed-in cookies per visitor, taken from a real login once and given to each test's fresh browser context.
        public Dictionary<Visitor, IReadOnlyList<BrowserContextCookiesResult>> Cookies { get; } = [];

        public async Task InitializeAsync()
        {
            BaseUrl = Server.Start();
            var catalog = new CatalogBuilder();
            var kitchen = catalog.Category("Kitchen", description: "Pots, pans and kettles.");
            var kettle = catalog.Product("Copper Kettle", 49.90m, kitchen, slug: ProductSlug, description: "Whistles when the water boils.");
            catalog.Product("Cast Iron Pan", 35.00m, kitchen, stock: 0);
            catalog.Product("Garden Hose", 19.99m, catalog.Category("Garden"));
            var reviewer = catalog.User("reviewer@example.com", "Rita");
            catalog.Review(kettle, reviewer, 4, "Loud and proud", "Whistles like a train.");
            await catalog.SaveAsync(Server);
            ProductId = kettle.Id;

            var customer = await Server.CreateUserAsync(CustomerEmail);
            await Server.CreateUserAsync(StaffEmail, staff: true, superuser: true);
            await Server.WithDbAsync(async db =>
            {
                var now = DateTime.UtcNow;
                db.Set<ShoppingCart>().Add(new ShoppingCart
                {
                    OwnerId = customer.Id, CreatedAt = now, UpdatedAt = now,
                    Items = [new CartItem { ProductId = await db.Products.Where(p => p.Slug == ProductSlug).Select(p => p.Id).SingleAsync(), Quantity = 2 }],
                });
                await db.SaveChangesAsync();
            });
        }

        public Task DisposeAsync()
        {
            Server.Dispose();
            return Task.CompletedTask;
        }
    }

    private static readonly Dictionary<string, (Visitor Visitor, string Path)> PagesByName = new()
    {
        ["home"] = (Visitor.Anonymous, "/"),
        ["products"] = (Visitor.Anonymous, "/products"),
        ["product"] = (Visitor.Anonymous, $"/products/{ProductSlug}"),
        ["cart"] = (Visitor.Customer, "/cart"),
        ["checkout"] = (Visitor.Customer, "/checkout"),
        ["login"] = (Visitor.Anonymous, "/Identity/Account/Login"),
        ["register"] = (Visitor.Anonymous, "/Identity/Account/Register"),
        ["admin index"] = (Visitor.Staff, "/admin/"),
        ["admin changelist"] = (Visitor.Staff, "/admin/catalog/product/"),
        ["admin change form"] = (Visitor.Staff, "/admin/catalog/product/{product}/change/"),
    };

    public static TheoryData<string, string> Pages()
    {
        var data = new TheoryData<string, string>();
        foreach (var theme in new[] { "light", "dark" })
            foreach (var page in PagesByName.Keys)
                data.Add(page, theme);
        return data;
    }

    [Theory]
    [MemberData(nameof(Pages))]
    public async Task The_page_has_no_WCAG_2_1_AA_violations(string page, string theme)
    {
        var (visitor, path) = PagesByName[page];
        path = path.Replace("{product}", shop.ProductId.ToString(System.Globalization.CultureInfo.InvariantCulture));
        var tab = await browser.NewPageAsync(shop.BaseUrl);
        await tab.EmulateMediaAsync(new() { ColorScheme = theme == "dark" ? ColorScheme.Dark : ColorScheme.Light });
        if (visitor != Visitor.Anonymous) await tab.Context.AddCookiesAsync(await SignedInCookiesAsync(visitor));

        var response = await tab.GotoAsync(path);
        Assert.Equal(200, response!.Status);
        Assert.Equal(path, new Uri(tab.Url).AbsolutePath);
        await Assertions.Expect(tab.Locator("html")).ToHaveAttributeAsync("data-bs-theme", theme);

        var result = await tab.RunAxe(new AxeRunOptions { RunOnly = new RunOnlyOptions { Type = "tag", Values = [.. WcagTags] } });

        Assert.True(result.Violations.Length == 0, $"{page} ({theme}) at {path}:\n" + string.Join("\n", result.Violations.Select(Describe)));
        await tab.Context.CloseAsync();
    }

    /// <summary>A violation as axe reports it: the rule, then each node's selector, its HTML and why it fails.</summary>
    private static string Describe(AxeResultItem violation) =>
        $"{violation.Id} ({violation.Impact}): {violation.Help}\n" + string.Join("\n", violation.Nodes.Select(node =>
            $"    {node.Target} {node.Html}\n" +
            string.Join("\n", node.Any.Concat(node.All).Concat(node.None).Select(check => $"      {check.Message}"))));

    private async Task<IEnumerable<Cookie>> SignedInCookiesAsync(Visitor visitor)
    {
        if (!shop.Cookies.TryGetValue(visitor, out var cookies))
        {
            var login = await browser.NewPageAsync(shop.BaseUrl);
            await login.GotoAsync("/Identity/Account/Login");
            await login.GetByLabel("Email").FillAsync(visitor == Visitor.Staff ? Shop.StaffEmail : Shop.CustomerEmail);
            await login.GetByLabel("Password").FillAsync(TestUsers.Password);
            await login.GetByRole(AriaRole.Button, new() { Name = "Log in" }).ClickAsync();
            await Assertions.Expect(login.GetByRole(AriaRole.Button, new() { Name = "Log out", IncludeHidden = true })).ToHaveCountAsync(1);
            cookies = await login.Context.CookiesAsync();
            shop.Cookies[visitor] = cookies;
            await login.Context.CloseAsync();
        }
        return cookies.Select(c => new Cookie
        {
            Name = c.Name, Value = c.Value, Domain = c.Domain, Path = c.Path, Expires = c.Expires,
            HttpOnly = c.HttpOnly, Secure = c.Secure, SameSite = c.SameSite,
        });
    }
}
