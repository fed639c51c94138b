using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using WebApp.Tests.Infrastructure;

namespace WebApp.Tests.EndToEnd;

/// <summary>A staff member works the admin in real Chromium: add, search, filter, edit, history, delete selected.</summary>
[Collection(BrowserCollection.Name)]
public sealed class AdminBrowserTests(BrowserFixture browser) : IDisposable
{
    private readonly LiveServerFactory _server = new();

    public void Dispose() => _server.Dispose();

    /// <summary>A form field by its accessible name (the label, without the required marker).</summary>
    private static ILocator Field(IPage page, string label) =>
        page.Locator("main").GetByRole(AriaRole.Textbox, new() { Name = label, Exact = true })
            .Or(page.Locator("main").GetByRole(AriaRole.Spinbutton, new() { Name = label, Exact = true }));

    /// <summary>Logs in through the admin's redirect to the login page.</summary>
    private static async Task LogInAsync(IPage page, string email)
    {
        await page.GotoAsync("/admin/");
        await Assertions.Expect(page).ToHaveURLAsync(new Regex("/Identity/Account/Login"));
        await page.GetByLabel("Email").FillAsync(email);
        await page.GetByLabel("Password").FillAsync(TestUsers.Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Log in" }).ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new Regex("/admin/$"));
    }

    [Fact]
    public async Task Staff_add_find_edit_and_delete_a_product_and_see_its_history()
    {
        var baseUrl = _server.Start();
        var catalog = new CatalogBuilder();
        catalog.Category("Kitchen");
        catalog.Category("Garden");
        catalog.Product("Garden Hose", 19.99m, catalog.Category("Outdoor"));
        await catalog.SaveAsync(_server);
        await _server.CreateUserAsync("clerk@example.com", staff: true, permissions:
            ["catalog.view_product", "catalog.add_product", "catalog.change_product", "catalog.delete_product", "catalog.view_category"]);
        var page = await browser.NewPageAsync(baseUrl);

        await LogInAsync(page, "clerk@example.com");

        // Add.
        await page.GotoAsync("/admin/catalog/product/");
        await page.GetByRole(AriaRole.Link, new() { Name = "Add product", Exact = true }).ClickAsync();
        await Field(page, "Name").FillAsync("Copper Kettle");
        await Field(page, "Slug").FillAsync("copper-kettle");
        await Field(page, "SKU").FillAsync("KET-001");
        await page.GetByRole(AriaRole.Combobox, new() { Name = "Category", Exact = true }).FillAsync("kitch");
        await page.GetByRole(AriaRole.Option, new() { Name = "Kitchen", Exact = true }).ClickAsync();
        await Field(page, "Price").FillAsync("49.90");
        await Field(page, "Stock").FillAsync("7");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save", Exact = true }).ClickAsync();
        await Assertions.Expect(page.Locator(".alert-success").First).ToContainTextAsync("Copper Kettle");

        // Find it by search, then by filter.
        await page.GetByLabel("Search").FillAsync("copper");
        await page.GetByRole(AriaRole.Button, new() { Name = "Search" }).ClickAsync();
        await Assertions.Expect(page.Locator("#result_list tbody tr")).ToHaveCountAsync(1);
        await page.GotoAsync("/admin/catalog/product/");
        await page.Locator(".admin-filters").GetByRole(AriaRole.Link, new() { Name = "Kitchen" }).ClickAsync();
        await Assertions.Expect(page.Locator("#result_list tbody tr")).ToHaveCountAsync(1);
        await Assertions.Expect(page.Locator("#result_list")).ToContainTextAsync("Copper Kettle");

        // Edit its price; back on the same filtered list.
        await page.Locator("#result_list").GetByRole(AriaRole.Link, new() { Name = "Copper Kettle" }).ClickAsync();
        await Field(page, "Price").FillAsync("54.50");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save", Exact = true }).ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new Regex("/admin/catalog/product/\\?CategoryId="));
        Assert.Equal(54.50m, await _server.WithDbAsync(db => db.Products.Where(p => p.Sku == "KET-001").Select(p => p.Price).SingleAsync()));

        // The history shows the old and new price.
        await page.Locator("#result_list").GetByRole(AriaRole.Link, new() { Name = "Copper Kettle" }).ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "History" }).ClickAsync();
        var history = page.Locator("main");
        await Assertions.Expect(history).ToContainTextAsync("49.90");
        await Assertions.Expect(history).ToContainTextAsync("54.50");

        // Delete it through "Delete selected", confirmed.
        await page.GotoAsync("/admin/catalog/product/?q=copper");
        await page.GetByLabel("Select Copper Kettle").CheckAsync();
        await page.GetByLabel("Action:").SelectOptionAsync("delete_selected");
        await page.GetByRole(AriaRole.Button, new() { Name = "Go" }).ClickAsync();
        await Assertions.Expect(page.Locator("main")).ToContainTextAsync("Are you sure");
        await page.GetByRole(AriaRole.Button, new() { Name = "Yes, I'm sure" }).ClickAsync();
        await Assertions.Expect(page.Locator(".alert-success").First).ToContainTextAsync("Successfully deleted 1 product");
        Assert.False(await _server.WithDbAsync(db => db.Products.AnyAsync(p => p.Sku == "KET-001")));
        Assert.True(await _server.WithDbAsync(db => db.Products.AnyAsync(p => p.Name == "Garden Hose")));
    }

    [Fact]
    public async Task Staff_pick_a_products_category_by_typing_and_choosing_with_the_keyboard()
    {
        var baseUrl = _server.Start();
        var catalog = new CatalogBuilder();
        foreach (var number in Enumerable.Range(1, 30)) catalog.Category($"Aisle {number:00}");
        catalog.Category("Hiking boots");
        catalog.Category("Hiking poles");
        var product = catalog.Product("Trail Runner", category: catalog.Category("General"));
        await catalog.SaveAsync(_server);
        await _server.CreateUserAsync("picker@example.com", staff: true, permissions: ["catalog.change_product", "catalog.view_category"]);
        var page = await browser.NewPageAsync(baseUrl);
        await LogInAsync(page, "picker@example.com");

        await page.GotoAsync($"/admin/catalog/product/{product.Id}/change/");
        var category = page.GetByRole(AriaRole.Combobox, new() { Name = "Category", Exact = true });
        await Assertions.Expect(category).ToHaveValueAsync("General");
        await category.FillAsync("hiking");
        var options = page.GetByRole(AriaRole.Listbox).GetByRole(AriaRole.Option);
        await Assertions.Expect(options).ToHaveTextAsync(["Hiking boots", "Hiking poles"]);
        await Assertions.Expect(category).ToHaveAttributeAsync("aria-expanded", "true");
        await category.PressAsync("ArrowDown");
        await category.PressAsync("ArrowDown");
        await Assertions.Expect(category).ToHaveAttributeAsync("aria-activedescendant", await options.Nth(1).GetAttributeAsync("id") ?? "");
        await category.PressAsync("Enter");
        await Assertions.Expect(category).ToHaveValueAsync("Hiking poles");
        await Assertions.Expect(category).ToHaveAttributeAsync("aria-expanded", "false");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save", Exact = true }).ClickAsync();

        await Assertions.Expect(page.Locator(".alert-success").First).ToContainTextAsync("Trail Runner");
        Assert.Equal("Hiking poles", await _server.WithDbAsync(db => db.Products.Where(p => p.Id == product.Id).Select(p => p.Category!.Name).SingleAsync()));
    }

    [Fact]
    public async Task Staff_add_a_category_in_a_popup_and_the_product_form_chooses_it()
    {
        var baseUrl = _server.Start();
        var catalog = new CatalogBuilder();
        var product = catalog.Product("Trail Runner", category: catalog.Category("General"));
        await catalog.SaveAsync(_server);
        await _server.CreateUserAsync("adder@example.com", staff: true, permissions: ["catalog.change_product", "catalog.add_category"]);
        var page = await browser.NewPageAsync(baseUrl);
        await LogInAsync(page, "adder@example.com");

        await page.GotoAsync($"/admin/catalog/product/{product.Id}/change/");
        var popup = await page.RunAndWaitForPopupAsync(() => page.GetByRole(AriaRole.Link, new() { Name = "Add another category" }).ClickAsync());
        await popup.GetByRole(AriaRole.Textbox, new() { Name = "Name", Exact = true }).FillAsync("Trail <shoes>");
        await popup.GetByRole(AriaRole.Textbox, new() { Name = "Slug", Exact = true }).FillAsync("trail-shoes");
        var closed = new TaskCompletionSource();
        popup.Close += (_, _) => closed.TrySetResult();
        await popup.GetByRole(AriaRole.Button, new() { Name = "Save", Exact = true }).ClickAsync();
        await closed.Task.WaitAsync(TimeSpan.FromSeconds(30)); // the answer page hands the category over and closes

        await Assertions.Expect(page.GetByRole(AriaRole.Combobox, new() { Name = "Category", Exact = true })).ToHaveValueAsync("Trail <shoes>");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save", Exact = true }).ClickAsync();
        await Assertions.Expect(page.Locator(".alert-success").First).ToContainTextAsync("Trail Runner");
        Assert.Equal("Trail <shoes>", await _server.WithDbAsync(db => db.Products.Where(p => p.Id == product.Id).Select(p => p.Category!.Name).SingleAsync()));
    }
}
