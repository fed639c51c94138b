using System.Text.RegularExpressions;
using Microsoft.Playwright;
using WebApp.Tests.Infrastructure;

namespace WebApp.Tests.Site;

/// <summary>The site and the admin follow the system's dark mode until the visitor picks a theme, in a real browser.</summary>
[Collection(BrowserCollection.Name)]
public sealed class ThemeBrowserTests(BrowserFixture browser) : IDisposable
{
    private readonly LiveServerFactory _server = new();

    public void Dispose() => _server.Dispose();

    private static Task ExpectThemeAsync(IPage page, string theme) =>
        Assertions.Expect(page.Locator("html")).ToHaveAttributeAsync("data-bs-theme", theme);

    [Fact]
    public async Task The_site_follows_the_system_until_the_visitor_picks_and_the_admin_keeps_that_choice()
    {
        var page = await browser.NewPageAsync(_server.Start());
        await page.EmulateMediaAsync(new() { ColorScheme = ColorScheme.Dark });
        await page.GotoAsync("/");
        await ExpectThemeAsync(page, "dark");
        var toggle = page.GetByRole(AriaRole.Button, new() { Name = "Light mode" });
        Assert.Equal("true", await toggle.GetAttributeAsync("aria-pressed"));

        await page.EmulateMediaAsync(new() { ColorScheme = ColorScheme.Light });
        await ExpectThemeAsync(page, "light");

        await page.EmulateMediaAsync(new() { ColorScheme = ColorScheme.Dark });
        await page.GetByRole(AriaRole.Button, new() { Name = "Light mode" }).ClickAsync();
        await ExpectThemeAsync(page, "light");
        await page.ReloadAsync();
        await ExpectThemeAsync(page, "light");
        Assert.Equal("false", await page.GetByRole(AriaRole.Button, new() { Name = "Dark mode" }).GetAttributeAsync("aria-pressed"));

        var email = $"theme-staff-{Guid.NewGuid():N}@example.com";
        await _server.CreateUserAsync(email, staff: true, superuser: true);
        await page.GotoAsync("/admin/");
        await page.GetByLabel("Email").FillAsync(email);
        await page.GetByLabel("Password").FillAsync(TestUsers.Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Log in" }).ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new Regex("/admin/$"));
        await ExpectThemeAsync(page, "light");

        await page.GetByRole(AriaRole.Button, new() { Name = "Dark mode" }).ClickAsync();
        await page.GotoAsync("/products");
        await ExpectThemeAsync(page, "dark");
    }
}
