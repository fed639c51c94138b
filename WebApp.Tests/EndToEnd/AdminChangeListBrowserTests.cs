using System.Text.RegularExpressions;
using Microsoft.Playwright;
using WebApp.Tests.Infrastructure;

namespace WebApp.Tests.EndToEnd;

/// <summary>A staff member narrows the product list in real Chromium: the date hierarchy, a filter, then the CSV of what is shown.</summary>
[Collection(BrowserCollection.Name)]
public sealed class AdminChangeListBrowserTests(BrowserFixture browser) : IDisposable
{
    private readonly LiveServerFactory _server = new();

    public void Dispose() => _server.Dispose();

    private static DateTime Utc(int year, int month, int day, int hour = 12) => new(year, month, day, hour, 0, 0, DateTimeKind.Utc);

    private async Task<IPage> SignedInAsync()
    {
        var baseUrl = _server.Start();
        var catalog = new CatalogBuilder();
        var outdoor = catalog.Category("Outdoor");
        var kitchen = catalog.Category("Kitchen");
        catalog.Product("Old Tent", 80m, outdoor, createdAt: Utc(2024, 12, 31, 23));
        catalog.Product("Spring Tent", 120m, outdoor, createdAt: Utc(2025, 3, 15));
        catalog.Product("=Spring Kettle", 35m, kitchen, createdAt: Utc(2025, 3, 16));
        catalog.Product("Autumn Boot", 95m, outdoor, createdAt: Utc(2025, 10, 2));
        await catalog.SaveAsync(_server);
        await _server.CreateUserAsync("clerk@example.com", staff: true, permissions: ["catalog.view_product", "catalog.view_category"]);
        var page = await browser.NewPageAsync(baseUrl);
        await page.GotoAsync("/Identity/Account/Login?ReturnUrl=%2Fadmin%2Fcatalog%2Fproduct%2F");
        await page.GetByLabel("Email").FillAsync("clerk@example.com");
        await page.GetByLabel("Password").FillAsync(TestUsers.Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Log in" }).ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new Regex("/admin/catalog/product/$"));
        return page;
    }

    private static ILocator Dates(IPage page) => page.GetByRole(AriaRole.Navigation, new() { Name = "Dates" });

    private static ILocator Names(IPage page) => page.Locator("#result_list tbody tr");

    [Fact]
    public async Task Staff_drill_down_the_date_hierarchy_year_month_day_and_back()
    {
        var page = await SignedInAsync();

        await Dates(page).GetByRole(AriaRole.Link, new() { Name = "2025", Exact = true }).ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new Regex("CreatedAt__year=2025"));
        await Assertions.Expect(Names(page)).ToHaveCountAsync(3);

        await Dates(page).GetByRole(AriaRole.Link, new() { Name = "March 2025", Exact = true }).ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new Regex("CreatedAt__month=3"));
        await Assertions.Expect(Names(page)).ToHaveCountAsync(2);

        await Dates(page).GetByRole(AriaRole.Link, new() { Name = "March 16", Exact = true }).ClickAsync();
        await Assertions.Expect(Names(page)).ToHaveCountAsync(1);
        await Assertions.Expect(Names(page)).ToContainTextAsync("=Spring Kettle");

        // Back up one level at a time, to every date.
        await Dates(page).GetByRole(AriaRole.Link, new() { Name = "‹ March 2025", Exact = true }).ClickAsync();
        await Assertions.Expect(Names(page)).ToHaveCountAsync(2);
        await Dates(page).GetByRole(AriaRole.Link, new() { Name = "‹ 2025", Exact = true }).ClickAsync();
        await Dates(page).GetByRole(AriaRole.Link, new() { Name = "‹ All dates", Exact = true }).ClickAsync();
        await Assertions.Expect(Names(page)).ToHaveCountAsync(4);
    }

    [Fact]
    public async Task Staff_export_the_filtered_list_as_csv_with_formulas_neutralised()
    {
        var page = await SignedInAsync();
        await Dates(page).GetByRole(AriaRole.Link, new() { Name = "2025", Exact = true }).ClickAsync();
        await page.Locator("#searchbar").FillAsync("spring");
        await page.GetByRole(AriaRole.Button, new() { Name = "Search" }).ClickAsync();
        await Assertions.Expect(Names(page)).ToHaveCountAsync(2);

        var download = await page.RunAndWaitForDownloadAsync(() => page.GetByRole(AriaRole.Link, new() { Name = "Export CSV" }).ClickAsync());
        var csv = await File.ReadAllTextAsync((await download.PathAsync())!);

        var lines = csv.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        Assert.Equal(3, lines.Length); // the header and the two rows the list shows, not the other years' or the other search's
        Assert.Contains("Name", lines[0]);
        Assert.Contains(lines, l => l.Contains("Spring Tent", StringComparison.Ordinal));
        // A cell starting with "=" is written so a spreadsheet shows it as text instead of running it.
        Assert.Contains(lines, l => l.Contains("'=Spring Kettle", StringComparison.Ordinal));
        Assert.DoesNotContain("Old Tent", csv);
        Assert.DoesNotContain("Autumn Boot", csv);
    }
}
