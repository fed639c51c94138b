using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using WebApp.Tests.Infrastructure;

namespace WebApp.Tests.EndToEnd;

/// <summary>A superuser onboards a staff member in real Chromium, with the two-pane picker, and without JavaScript.</summary>
[Collection(BrowserCollection.Name)]
public sealed class StaffOnboardingBrowserTests(BrowserFixture browser) : IDisposable
{
    private readonly LiveServerFactory _server = new();

    public void Dispose() => _server.Dispose();

    private static async Task LogInAsync(IPage page, string email, string password)
    {
        await page.GotoAsync("/admin/");
        await page.GetByLabel("Email").FillAsync(email);
        await page.GetByLabel("Password").FillAsync(password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Log in" }).ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new Regex("/admin/$"));
    }

    /// <summary>Filters the picker's "Available" pane, selects the one match and moves it with the "Choose" button.</summary>
    private static async Task ChooseAsync(IPage page, string field, string filter, string label)
    {
        await page.GetByLabel($"Filter available {field}").FillAsync(filter);
        await page.GetByLabel($"Available {field}", new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Label = label });
        await page.GetByRole(AriaRole.Button, new() { Name = $"Choose selected {field}" }).ClickAsync();
        await Assertions.Expect(page.GetByLabel($"Chosen {field}", new() { Exact = true }).Locator("option", new() { HasText = label })).ToHaveCountAsync(1);
    }

    [Fact]
    public async Task A_superuser_creates_a_role_and_a_staff_user_who_then_sees_exactly_what_the_role_allows()
    {
        var baseUrl = _server.Start();
        await _server.CreateUserAsync("root@example.com", staff: true, superuser: true);
        var admin = await browser.NewPageAsync(baseUrl);
        await LogInAsync(admin, "root@example.com", TestUsers.Password);

        // A role with two permissions, chosen through the two-pane picker.
        await admin.GotoAsync("/admin/accounts/role/add/");
        await admin.GetByRole(AriaRole.Textbox, new() { Name = "Name" }).FillAsync("Catalog clerks");
        await Assertions.Expect(admin.Locator("select[name=Permissions]")).ToBeHiddenAsync();
        await ChooseAsync(admin, "permissions", "view product", "catalog | product | Can view product");
        await ChooseAsync(admin, "permissions", "change category", "catalog | category | Can change category");
        await admin.GetByRole(AriaRole.Button, new() { Name = "Save", Exact = true }).ClickAsync();
        await Assertions.Expect(admin.Locator(".alert-success").First).ToContainTextAsync("Catalog clerks");

        // A staff user: the add form (Email, password twice), then the change page for staff status and the role.
        await admin.GotoAsync("/admin/accounts/user/add/");
        await admin.GetByRole(AriaRole.Textbox, new() { Name = "Email" }).FillAsync("clerk@example.com");
        // Password inputs have no ARIA role; their labels are the form's, with the required marker.
        await admin.Locator("#id_password1").FillAsync("Clerk-Pass-2026");
        await admin.Locator("#id_password2").FillAsync("Clerk-Pass-2026");
        await admin.GetByRole(AriaRole.Button, new() { Name = "Save", Exact = true }).ClickAsync();
        await Assertions.Expect(admin).ToHaveURLAsync(new Regex("/admin/accounts/user/.+/change/$"));
        await admin.GetByLabel("Staff status").CheckAsync();
        await ChooseAsync(admin, "roles", "clerk", "Catalog clerks");
        await admin.GetByRole(AriaRole.Button, new() { Name = "Save", Exact = true }).ClickAsync();
        await Assertions.Expect(admin.Locator(".alert-success").First).ToContainTextAsync("clerk@example.com");

        // The new staff member signs in and sees exactly the role's models.
        var clerk = await browser.NewPageAsync(baseUrl);
        await LogInAsync(clerk, "clerk@example.com", "Clerk-Pass-2026");
        var sidebar = clerk.Locator("#admin-sidebar .admin-nav-model");
        await Assertions.Expect(sidebar).ToHaveTextAsync([new Regex("^\\s*Categories\\s*$"), new Regex("^\\s*Products\\s*$")]);
        await clerk.GotoAsync("/admin/catalog/product/");
        await Assertions.Expect(clerk.GetByRole(AriaRole.Heading, new() { Name = "Select product to view" })).ToBeVisibleAsync();
        var refused = await clerk.GotoAsync("/admin/accounts/user/");
        Assert.Equal(403, refused!.Status);
        var orders = await clerk.GotoAsync("/admin/orders/order/");
        Assert.Equal(403, orders!.Status);
    }

    [Fact]
    public async Task Without_javascript_the_picker_is_a_plain_multi_select_that_saves()
    {
        var baseUrl = _server.Start();
        await _server.CreateUserAsync("root@example.com", staff: true, superuser: true);
        var page = await browser.NewPageAsync(baseUrl, javaScript: false);
        await LogInAsync(page, "root@example.com", TestUsers.Password);

        await page.GotoAsync("/admin/accounts/role/add/");
        await page.GetByRole(AriaRole.Textbox, new() { Name = "Name" }).FillAsync("Readers");
        var permissions = page.GetByRole(AriaRole.Listbox, new() { Name = "Permissions" });
        await Assertions.Expect(permissions).ToBeVisibleAsync();
        await permissions.SelectOptionAsync([new SelectOptionValue { Label = "catalog | product | Can view product" }, new SelectOptionValue { Label = "orders | order | Can view order" }]);
        await page.GetByRole(AriaRole.Button, new() { Name = "Save", Exact = true }).ClickAsync();

        await Assertions.Expect(page.Locator(".alert-success").First).ToContainTextAsync("Readers");
        var saved = await _server.WithDbAsync(db => db.RoleClaims.Join(db.Roles.Where(r => r.Name == "Readers"), c => c.RoleId, r => r.Id, (c, r) => c.ClaimValue!).OrderBy(v => v).ToListAsync());
        Assert.Equal(["catalog.view_product", "orders.view_order"], saved);
    }
}
