using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using WebApp.Tests.Infrastructure;

namespace WebApp.Tests.EndToEnd;

/// <summary>Inline formsets in real Chromium: "Add another review" adds a row without a reload, and the save keeps it.</summary>
[Collection(BrowserCollection.Name)]
public sealed class InlineBrowserTests(BrowserFixture browser) : IDisposable
{
    private readonly LiveServerFactory _server = new();

    public void Dispose() => _server.Dispose();

    [Fact]
    public async Task A_staff_member_adds_a_review_inline_with_add_another()
    {
        var baseUrl = _server.Start();
        var catalog = new CatalogBuilder();
        catalog.Product("Garden Hose", 19.99m, catalog.Category("Outdoor"));
        await catalog.SaveAsync(_server);
        await _server.CreateUserAsync("clerk@example.com", staff: true, permissions:
            ["catalog.view_product", "catalog.change_product", "catalog.view_review", "catalog.add_review"]);
        var productId = await _server.WithDbAsync(db => db.Products.Select(p => p.Id).SingleAsync());
        var page = await browser.NewPageAsync(baseUrl);
        await page.GotoAsync("/admin/");
        await page.GetByLabel("Email").FillAsync("clerk@example.com");
        await page.GetByLabel("Password").FillAsync(TestUsers.Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Log in" }).ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new Regex("/admin/$"));

        await page.GotoAsync($"/admin/catalog/product/{productId}/change/");
        var reviews = page.Locator("#reviews-group");
        // The page offers one empty row (all a browser without JavaScript gets); "Add another" adds a second without a reload.
        await Assertions.Expect(reviews.Locator("tbody tr.admin-inline-row")).ToHaveCountAsync(1);
        await page.EvaluateAsync("() => { window.notReloaded = true; }");
        await reviews.GetByRole(AriaRole.Button, new() { Name = "Add another review" }).ClickAsync();
        await Assertions.Expect(reviews.Locator("tbody tr.admin-inline-row")).ToHaveCountAsync(2);
        Assert.True(await page.EvaluateAsync<bool>("() => window.notReloaded === true"));
        await Assertions.Expect(page.Locator("#id_reviews-TOTAL_FORMS")).ToHaveValueAsync("2");
        // The new row has the next index, and its inputs are labelled for screen readers.
        await reviews.GetByRole(AriaRole.Textbox, new() { Name = "Title of New review" }).Last.FillAsync("Phoned in");
        await Assertions.Expect(page.Locator("#id_reviews-1-Title")).ToHaveValueAsync("Phoned in");
        await page.Locator("#id_reviews-1-Rating").FillAsync("5");
        await page.Locator("#id_reviews-1-Body").FillAsync("Called to say thanks.");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save and continue editing" }).ClickAsync();

        await Assertions.Expect(page.Locator(".alert-success").First).ToContainTextAsync("Garden Hose");
        await Assertions.Expect(reviews).ToContainTextAsync("Phoned in");
        var saved = await _server.WithDbAsync(db => db.Reviews.Where(r => r.ProductId == productId).OrderBy(r => r.Title)
            .Select(r => new { r.Title, r.Rating, Author = r.Author!.Email }).ToListAsync());
        Assert.Equal([("Phoned in", 5, "clerk@example.com")], saved.Select(r => (r.Title, r.Rating, r.Author)));
    }
}
