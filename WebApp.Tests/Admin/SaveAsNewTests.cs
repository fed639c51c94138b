using System.Net;
using Microsoft.EntityFrameworkCore;
using WebApp.Admin;
using WebApp.Tests.Infrastructure;

namespace WebApp.Tests.Admin;

/// <summary>Django's "Save as new" (<c>_saveasnew</c>) and prepopulated fields on the product form.</summary>
public class SaveAsNewTests : AdminTestBase
{
    private async Task<(int ProductId, string Url)> BootAsync()
    {
        var category = await Factory.AddCategoryAsync("Shoes");
        var product = await Factory.AddProductAsync("Boot", category.Id, sku: "BOOT-1", price: 40m);
        return (product.Id, $"/admin/catalog/product/{product.Id}/change/");
    }

    [Fact]
    public async Task Save_as_new_adds_a_copy_with_the_changed_values_and_leaves_the_original()
    {
        var (productId, url) = await BootAsync();
        var client = await SuperuserAsync();
        var page = await client.GetHtmlAsync(url);
        Assert.NotNull(page.QuerySelector("button[name=_saveasnew]"));
        var form = page.FormValues("#product_form").With("Name", "Boot II").With("Slug", "boot-ii").With("Sku", "BOOT-2").With("_saveasnew", "1");

        using var response = await client.PostAsync(url, new FormUrlEncodedContent(form));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var products = await Factory.WithDbAsync(db => db.Products.OrderBy(p => p.Id).Select(p => new { p.Id, p.Name, p.Sku, p.Price }).ToListAsync());
        Assert.Equal([("Boot", "BOOT-1", 40m), ("Boot II", "BOOT-2", 40m)], products.Select(p => (p.Name, p.Sku, p.Price)));
        Assert.Equal($"/admin/catalog/product/{products[1].Id}/change/", Location(response));
        Assert.Contains("The product \"Boot II\" was added successfully. You may edit it again below.", Messages(await client.GetHtmlAsync(Location(response))));
        Assert.Equal((LogAction.Add, products[1].Id.ToString()),
            await Factory.WithDbAsync(db => db.Set<LogEntry>().Select(e => new ValueTuple<LogAction, string>(e.Action, e.ObjectId)).SingleAsync()));
        Assert.NotEqual(productId, products[1].Id);
    }

    [Fact]
    public async Task Save_as_new_with_an_unchanged_unique_field_says_so_and_saves_nothing()
    {
        var (_, url) = await BootAsync();
        var client = await SuperuserAsync();
        var form = (await client.GetHtmlAsync(url)).FormValues("#product_form").With("Name", "Boot II").With("Slug", "boot-ii").With("_saveasnew", "1");

        using var response = await client.PostAsync(url, new FormUrlEncodedContent(form));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await response.ReadHtmlAsync();
        Assert.Equal("Product with this SKU already exists.", page.QuerySelector("#id_Sku-errors li")!.TextContent);
        // Saving again must not overwrite the original: only "Save as new" is offered.
        Assert.Equal(["_saveasnew"], page.QuerySelectorAll(".admin-submit-row button").Select(b => b.GetAttribute("name")));
        Assert.Equal(["Boot"], await Factory.WithDbAsync(db => db.Products.Select(p => p.Name).ToListAsync()));
    }

    [Fact]
    public async Task Save_as_new_needs_add_permission()
    {
        var (_, url) = await BootAsync();
        var client = await StaffAsync("editor@example.com", "catalog.change_product");
        var page = await client.GetHtmlAsync(url);
        Assert.Null(page.QuerySelector("button[name=_saveasnew]"));
        var form = page.FormValues("#product_form").With("Name", "Boot II").With("Slug", "boot-ii").With("Sku", "BOOT-2").With("_saveasnew", "1");

        using var response = await client.PostAsync(url, new FormUrlEncodedContent(form));

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal(["Boot"], await Factory.WithDbAsync(db => db.Products.Select(p => p.Name).ToListAsync()));
        Assert.Equal(0, await Factory.WithDbAsync(db => db.Set<LogEntry>().CountAsync()));
    }

    [Fact]
    public async Task The_slug_is_prepopulated_from_the_name_on_the_add_form_only()
    {
        var (_, url) = await BootAsync();
        var client = await SuperuserAsync();

        var add = await client.GetHtmlAsync("/admin/catalog/product/add/");
        var change = await client.GetHtmlAsync(url);

        Assert.Equal("id_Name", add.QuerySelector("#id_Slug")!.GetAttribute("data-prepopulate-from"));
        Assert.False(change.QuerySelector("#id_Slug")!.HasAttribute("data-prepopulate-from"));
        Assert.NotNull(add.QuerySelector("script[src='/admin/prepopulate.js']"));
    }
}
