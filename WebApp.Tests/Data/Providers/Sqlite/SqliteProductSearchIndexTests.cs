using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using WebApp.Catalog;
using WebApp.Data;
using WebApp.Data.Providers.Sqlite;
using WebApp.Tests.Admin;
using WebApp.Tests.Api;
using WebApp.Tests.Infrastructure;
using WebApp.Tests.Management;
using WebApp.Tests.Site;

namespace WebApp.Tests.Data.Providers.Sqlite;

/// <summary>
/// The full-text index follows every change to products, whichever way it is made (EF, the admin, the API, the seed
/// command), and never holds text the products no longer have: SQLite's FTS5 integrity check compares it with them.
/// </summary>
public class SqliteProductSearchIndexTests : IDisposable
{
    private readonly ApiFactory _factory = new();

    public void Dispose() => _factory.Dispose();

    /// <summary>The ids the index itself finds for <paramref name="text"/>, without the list's own LIKE test after it.</summary>
    private Task<List<int>> IndexedIdsAsync(string text) => _factory.WithDbAsync(db =>
    {
        var phrase = "\"" + text.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
        return db.Database.SqlQuery<int>($"""SELECT rowid AS "Value" FROM "ProductSearch" WHERE "ProductSearch" MATCH {phrase} ORDER BY rowid""")
            .ToListAsync();
    });

    /// <summary>Fails (SQLITE_CORRUPT) when the index holds anything but exactly the products' current text.</summary>
    private Task AssertIndexMatchesProductsAsync() => _factory.WithDbAsync(db =>
        db.Database.ExecuteSqlRawAsync("""INSERT INTO "ProductSearch" ("ProductSearch", rank) VALUES ('integrity-check', 1);"""));

    private async Task<string> ShopCountAsync(string search) =>
        ProductListHtml.Count(await _factory.CreateClient().GetHtmlAsync("/products?q=" + Uri.EscapeDataString(search)));

    [Fact]
    public async Task The_integrity_check_notices_an_index_that_missed_a_change()
    {
        var category = await _factory.AddCategoryAsync("Lighting");
        var lamp = await _factory.AddProductAsync("Brass Lamp", category.Id);
        await _factory.WithDbAsync(db => db.Database.ExecuteSqlRawAsync("""DROP TRIGGER "ProductSearch_AfterUpdate";"""));
        await _factory.WithDbAsync(db => db.Products.Where(p => p.Id == lamp.Id).ExecuteUpdateAsync(p => p.SetProperty(x => x.Name, "Steel Lamp")));

        var error = await Assert.ThrowsAsync<SqliteException>(AssertIndexMatchesProductsAsync);
        Assert.Equal(11, error.SqliteErrorCode);
    }

    [Fact]
    public async Task New_products_are_found_by_name_sku_and_description()
    {
        var category = await _factory.AddCategoryAsync("Lighting");
        var lamp = await _factory.WithDbAsync(async db =>
        {
            var product = new Product
            {
                Name = "Brass Lamp", Slug = "brass-lamp", Sku = "LMP-BRS", Description = "Warm reading light.", Price = 30m, CategoryId = category.Id,
            };
            db.Products.Add(product);
            await db.SaveChangesAsync();
            return product;
        });

        Assert.Equal([lamp.Id], await IndexedIdsAsync("brass"));
        Assert.Equal([lamp.Id], await IndexedIdsAsync("lmp-brs"));
        Assert.Equal([lamp.Id], await IndexedIdsAsync("reading light"));
        Assert.Equal("1 product", await ShopCountAsync("reading"));
        await AssertIndexMatchesProductsAsync();
    }

    [Fact]
    public async Task Changed_text_is_found_by_its_new_words_and_no_longer_by_the_old()
    {
        var category = await _factory.AddCategoryAsync("Lighting");
        var lamp = await _factory.AddProductAsync("Brass Lamp", category.Id, sku: "LMP-OLD");

        await _factory.WithDbAsync(async db =>
        {
            var product = await db.Products.SingleAsync(p => p.Id == lamp.Id);
            (product.Name, product.Sku, product.Description) = ("Steel Lamp", "LMP-NEW", "Cool light.");
            await db.SaveChangesAsync();
        });

        Assert.Empty(await IndexedIdsAsync("brass"));
        Assert.Empty(await IndexedIdsAsync("LMP-OLD"));
        Assert.Equal([lamp.Id], await IndexedIdsAsync("steel"));
        Assert.Equal([lamp.Id], await IndexedIdsAsync("LMP-NEW"));
        Assert.Equal([lamp.Id], await IndexedIdsAsync("cool light"));
        Assert.Equal("0 products", await ShopCountAsync("brass"));
        Assert.Equal("1 product", await ShopCountAsync("steel"));
        await AssertIndexMatchesProductsAsync();
    }

    [Fact]
    public async Task Changes_to_other_columns_leave_the_index_right()
    {
        var category = await _factory.AddCategoryAsync("Lighting");
        var lamp = await _factory.AddProductAsync("Brass Lamp", category.Id);

        await _factory.WithDbAsync(db => db.Products.Where(p => p.Id == lamp.Id)
            .ExecuteUpdateAsync(p => p.SetProperty(x => x.Stock, 0).SetProperty(x => x.Price, 12m).SetProperty(x => x.IsActive, false)));

        Assert.Equal([lamp.Id], await IndexedIdsAsync("brass"));
        await AssertIndexMatchesProductsAsync();
    }

    [Fact]
    public async Task Deleted_products_leave_the_index()
    {
        var category = await _factory.AddCategoryAsync("Lighting");
        var brass = await _factory.AddProductAsync("Brass Lamp", category.Id);
        var steel = await _factory.AddProductAsync("Steel Lamp", category.Id);

        await _factory.WithDbAsync(db => db.Products.Where(p => p.Id == brass.Id).ExecuteDeleteAsync());

        Assert.Empty(await IndexedIdsAsync("brass"));
        Assert.Equal([steel.Id], await IndexedIdsAsync("lamp"));
        await AssertIndexMatchesProductsAsync();
    }

    [Fact]
    public async Task Changes_through_the_api_keep_the_index_right()
    {
        var (client, _) = await _factory.UserClientAsync("editor@example.com", superuser: true);
        var category = await _factory.AddCategoryAsync("Lighting");
        var lamp = await _factory.AddProductAsync("Brass Lamp", category.Id, sku: "LMP-1");

        using (var replaced = await client.PutAsJsonAsync($"/api/products/{lamp.Id}", new
        {
            name = "Steel Lamp", slug = lamp.Slug, sku = "LMP-1", description = "Cool light.", price = 30m, stock = 3,
            isActive = true, categoryId = category.Id,
        }))
        {
            Assert.Equal(HttpStatusCode.OK, replaced.StatusCode);
        }
        Assert.Empty(await IndexedIdsAsync("brass"));
        Assert.Equal([lamp.Id], await IndexedIdsAsync("cool light"));
        await AssertIndexMatchesProductsAsync();

        using (var deleted = await client.DeleteAsync($"/api/products/{lamp.Id}"))
        {
            Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
        }
        Assert.Empty(await IndexedIdsAsync("lamp"));
        await AssertIndexMatchesProductsAsync();
    }

    [Fact]
    public async Task Changes_through_the_admin_keep_the_index_right()
    {
        var client = await _factory.LoggedInClientAsync("root@example.com", staff: true, superuser: true);
        var category = await _factory.AddCategoryAsync("Lighting");
        var brass = await _factory.AddProductAsync("Brass Lamp", category.Id);
        var steel = await _factory.AddProductAsync("Steel Lamp", category.Id);
        var url = $"/admin/catalog/product/{brass.Id}/change/";
        var form = (await client.GetHtmlAsync(url)).FormValues("#product_form");

        using (var changed = await client.PostWithTokenAsync(url, form.With("Name", "Copper Lamp").With("_save", "1")))
        {
            Assert.Equal(HttpStatusCode.Redirect, changed.StatusCode);
        }
        Assert.Empty(await IndexedIdsAsync("brass"));
        Assert.Equal([brass.Id], await IndexedIdsAsync("copper"));

        const string listUrl = "/admin/catalog/product/";
        using (var confirm = await client.PostWithTokenAsync(listUrl,
            [HtmlForms.Field("action", "delete_selected"), HtmlForms.Field("_selected_action", steel.Id.ToString(CultureInfo.InvariantCulture))]))
        {
            var confirmation = await confirm.ReadHtmlAsync();
            using var deleted = await client.PostWithTokenAsync(listUrl, confirmation.FormValues("main form"));
            Assert.Equal(HttpStatusCode.Redirect, deleted.StatusCode);
        }
        Assert.False(await _factory.WithDbAsync(db => db.Products.AnyAsync(p => p.Id == steel.Id)));
        Assert.Empty(await IndexedIdsAsync("steel"));
        await AssertIndexMatchesProductsAsync();
    }

    [Fact]
    public async Task Seeding_indexes_every_product_replaces_the_old_ones_and_restores_the_triggers()
    {
        _factory.EnsureMigrated();
        var category = await _factory.AddCategoryAsync("Lighting");
        await _factory.AddProductAsync("Brass Lamp", category.Id);

        var first = await CommandRunner.RunAsync(_factory.Services, ["seed", "--products", "100"]);
        Assert.True(first.ExitCode == 0, first.ToString());
        Assert.Empty(await IndexedIdsAsync("brass"));
        Assert.Equal([43], await IndexedIdsAsync("Product 00042"));
        Assert.Equal(100, (await IndexedIdsAsync("fine product")).Count);
        Assert.Equal("1 product", await ShopCountAsync("sku-00042"));
        await AssertIndexMatchesProductsAsync();

        var second = await CommandRunner.RunAsync(_factory.Services, ["seed", "--products", "50"]);
        Assert.True(second.ExitCode == 0, second.ToString());
        Assert.Empty(await IndexedIdsAsync("Product 00077"));
        Assert.Equal(50, (await IndexedIdsAsync("fine product")).Count);
        await AssertIndexMatchesProductsAsync();

        // Later changes are indexed again.
        var copper = await _factory.AddProductAsync("Copper Lamp", 1);
        Assert.Equal([copper.Id], await IndexedIdsAsync("copper"));
        await AssertIndexMatchesProductsAsync();
    }

    [Fact]
    public async Task A_bulk_load_that_is_rolled_back_leaves_the_triggers_in_place()
    {
        var category = await _factory.AddCategoryAsync("Lighting");
        await _factory.WithDbAsync(async db =>
        {
            await db.Database.OpenConnectionAsync();
            await using var transaction = await db.Database.BeginTransactionAsync();
            var load = await new SqliteProductSearchIndex().BeginBulkLoadAsync(db, transaction.GetDbTransaction(), CancellationToken.None);
            Assert.NotNull(load);
            Assert.Equal(0, await db.Database.SqlQuery<int>(
                $"""SELECT COUNT(*) AS "Value" FROM "sqlite_master" WHERE "type" = 'trigger' AND "name" LIKE 'ProductSearch%'""").SingleAsync());
            await transaction.RollbackAsync();
        });

        var copper = await _factory.AddProductAsync("Copper Lamp", category.Id);

        Assert.Equal([copper.Id], await IndexedIdsAsync("copper"));
        await AssertIndexMatchesProductsAsync();
    }
}
