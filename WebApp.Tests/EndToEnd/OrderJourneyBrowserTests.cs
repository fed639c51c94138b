using System.Text.RegularExpressions;
using Microsoft.Playwright;
using WebApp.Accounts;
using WebApp.Tests.Infrastructure;

namespace WebApp.Tests.EndToEnd;

/// <summary>
/// The job the shop exists for, in real Chromium: a customer buys two products, staff mark the order paid and
/// shipped in the admin, the customer sees it shipped and has three emails in the pickup folder.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class OrderJourneyBrowserTests(BrowserFixture browser) : IDisposable
{
    private readonly LiveServerFactory _server = new(new Dictionary<string, string?>
    {
        ["Mail:Outbox:PollInterval"] = "00:00:00.200",
    });

    public void Dispose() => _server.Dispose();

    private static async Task LogInAsync(IPage page, string email, string password)
    {
        await page.GotoAsync("/Identity/Account/Login");
        await page.GetByLabel("Email").FillAsync(email);
        await page.GetByLabel("Password").FillAsync(password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Log in" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "Log out" })).ToBeVisibleAsync();
    }

    [Fact]
    public async Task A_customer_buys_staff_fulfil_and_the_customer_is_told_by_email()
    {
        var baseUrl = _server.Start();
        var catalog = new CatalogBuilder();
        var kitchen = catalog.Category("Kitchen");
        catalog.Product("Copper Kettle", 49.90m, kitchen, stock: 5);
        catalog.Product("Cast Iron Pan", 35.00m, kitchen, stock: 5);
        await catalog.SaveAsync(_server);
        await _server.CreateUserAsync("buyer@example.com");
        await _server.CreateUserAsync("packer@example.com", staff: true);
        await _server.GrantThroughRoleAsync("packer@example.com", StaffRoles.Fulfilment.Name, [.. StaffRoles.Fulfilment.Permissions]);

        // The customer fills the cart from the product pages, then checks out.
        var customer = await browser.NewPageAsync(baseUrl);
        await LogInAsync(customer, "buyer@example.com", TestUsers.Password);
        await customer.GotoAsync("/products/copper-kettle");
        await customer.GetByRole(AriaRole.Button, new() { Name = "Add to cart" }).ClickAsync();
        await Assertions.Expect(customer.Locator(".status-message")).ToContainTextAsync("Copper Kettle");
        await customer.GotoAsync("/products/cast-iron-pan");
        await customer.GetByLabel("Quantity").FillAsync("2");
        await customer.GetByRole(AriaRole.Button, new() { Name = "Add to cart" }).ClickAsync();
        await customer.GetByRole(AriaRole.Link, new() { Name = "Cart (3)" }).ClickAsync();
        await Assertions.Expect(customer.Locator(".cart-subtotal")).ToHaveTextAsync("$119.90");

        await customer.GetByRole(AriaRole.Link, new() { Name = "Proceed to checkout" }).ClickAsync();
        await customer.GetByLabel("Full name").FillAsync("Ada Lovelace");
        await customer.GetByLabel("Address line 1").FillAsync("1 Analytical Street");
        await customer.GetByLabel("City").FillAsync("London");
        await customer.GetByLabel("Postal code").FillAsync("N1 9GU");
        await customer.GetByLabel("Country").SelectOptionAsync("United Kingdom");
        await customer.GetByRole(AriaRole.Radio, new() { Name = "Bank transfer" }).CheckAsync();
        await customer.GetByRole(AriaRole.Button, new() { Name = "Review order" }).ClickAsync();
        await customer.GetByRole(AriaRole.Button, new() { Name = "Place order" }).ClickAsync();

        await Assertions.Expect(customer).ToHaveURLAsync(new Regex("/orders/WA-"));
        await Assertions.Expect(customer.Locator(".order-status")).ToHaveTextAsync("Pending");
        var number = (await customer.Locator(".order-number").TextContentAsync())!.Trim();

        // Back from the order page shows a page of the shop (the review step was a GET, not a POST's result).
        await customer.GoBackAsync();
        await Assertions.Expect(customer.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToBeVisibleAsync();
        await customer.GotoAsync($"/orders/{number}");

        // Staff mark it paid, then shipped, from the order admin.
        var staff = await browser.NewPageAsync(baseUrl);
        await LogInAsync(staff, "packer@example.com", TestUsers.Password);
        await staff.GotoAsync("/admin/orders/order/");
        await staff.GetByLabel("Search").FillAsync(number);
        await staff.GetByRole(AriaRole.Button, new() { Name = "Search" }).ClickAsync();
        foreach (var (action, status) in new[] { ("mark_paid", "Paid"), ("mark_shipped", "Shipped") })
        {
            await staff.GetByLabel($"Select {number}").CheckAsync();
            await staff.GetByLabel("Action:").SelectOptionAsync(action);
            await staff.GetByRole(AriaRole.Button, new() { Name = "Go" }).ClickAsync();
            await Assertions.Expect(staff.Locator(".alert-success").First).ToHaveTextAsync($"Order {number} is now {status}.");
        }

        // The customer sees it shipped, and was told three times.
        await customer.ReloadAsync();
        await Assertions.Expect(customer.Locator(".order-status")).ToHaveTextAsync("Shipped");
        var mail = await WaitForFilesAsync(_server.MailPickupDirectory, count: 3);
        var texts = mail.Select(File.ReadAllText).ToList();
        Assert.All(texts, text => Assert.Contains("buyer@example.com", text));
        Assert.All(texts, text => Assert.Contains(number, text));
    }

    /// <summary>The outbox delivers in the background: wait (bounded) for the pickup folder to hold the messages.</summary>
    private static async Task<string[]> WaitForFilesAsync(string folder, int count)
    {
        var deadline = DateTime.UtcNow.AddSeconds(20);
        string[] files = [];
        while (DateTime.UtcNow < deadline)
        {
            files = Directory.Exists(folder) ? Directory.GetFiles(folder, "*.eml") : [];
            if (files.Length >= count) break;
            await Task.Delay(100);
        }
        Assert.Equal(count, files.Length);
        return files;
    }
}
