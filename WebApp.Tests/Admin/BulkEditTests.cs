using System.Net;
using Microsoft.EntityFrameworkCore;
using WebApp.Admin;
using WebApp.Tests.Infrastructure;
using static WebApp.Tests.Infrastructure.HtmlForms;

namespace WebApp.Tests.Admin;

/// <summary>"Edit selected": one field on the selected rows after a confirmation page, every row validated, a history entry each.</summary>
public class BulkEditTests : AdminTestBase
{
    private const string Products = "/admin/catalog/product/";

    private async Task<List<int>> SeedAsync()
    {
        var category = await Factory.AddCategoryAsync("Shoes");
        var ids = new List<int>();
        foreach (var name in new[] { "Boot", "Clog", "Sandal" })
            ids.Add((await Factory.AddProductAsync(name, category.Id, stock: 3)).Id);
        return ids;
    }

    private static KeyValuePair<string, string>[] Selected(params int[] ids) =>
        [Field("action", "edit_selected"), .. ids.Select(id => Field("_selected_action", id.ToString(System.Globalization.CultureInfo.InvariantCulture)))];

    [Fact]
    public async Task Choosing_the_field_then_confirming_sets_it_on_each_selected_row_with_a_history_entry_each()
    {
        var ids = await SeedAsync();
        var client = await SuperuserAsync();

        using var choose = await client.PostWithTokenAsync(Products, Selected(ids[0], ids[2]));
        var choosePage = await choose.ReadHtmlAsync();
        Assert.Equal(HttpStatusCode.OK, choose.StatusCode);
        Assert.Contains("Stock", choosePage.QuerySelectorAll("#bulk-field option").Select(o => o.GetAttribute("value")));
        Assert.DoesNotContain("CreatedAt", choosePage.QuerySelectorAll("#bulk-field option").Select(o => o.GetAttribute("value")));

        using var confirm = await client.PostWithTokenAsync(Products, [.. Selected(ids[0], ids[2]), Field("_bulk_field", "Stock")]);
        var confirmPage = await confirm.ReadHtmlAsync();
        Assert.Equal(["Boot", "Sandal"], confirmPage.QuerySelectorAll(".bulk-edit-objects li").Select(l => l.TextContent.Trim()));
        Assert.NotNull(confirmPage.QuerySelector("input[name=Stock]"));
        Assert.Equal(3, await Factory.WithDbAsync(db => db.Products.CountAsync(p => p.Stock == 3)));

        using var saved = await client.PostWithTokenAsync(Products,
            [.. Selected(ids[0], ids[2]), Field("_bulk_field", "Stock"), Field("post", "yes"), Field("Stock", "42")]);

        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var stock = await Factory.WithDbAsync(db => db.Products.OrderBy(p => p.Name).Select(p => p.Stock).ToListAsync());
        Assert.Equal([42, 3, 42], stock);
        var entries = await Factory.WithDbAsync(db => db.Set<LogEntry>().OrderBy(e => e.ObjectId).ToListAsync());
        Assert.Equal([ids[0].ToString(), ids[2].ToString()], entries.Select(e => e.ObjectId));
        Assert.All(entries, e => Assert.Contains("\"old\":\"3\",\"new\":\"42\"", e.ChangeMessage));
        Assert.Contains("Stock was set on 2 products.", Messages(await client.GetHtmlAsync(Products)));
    }

    [Theory]
    [InlineData("Stock", "-1", "Stock cannot be negative.")]
    [InlineData("Stock", "many", "Enter a whole number.")]
    [InlineData("Name", "", "This field is required.")]
    [InlineData("Sku", "SAME-SKU", "SKU is unique")]
    public async Task A_value_a_row_refuses_saves_nothing_and_says_why(string field, string value, string message)
    {
        var ids = await SeedAsync();
        var client = await SuperuserAsync();

        using var response = await client.PostWithTokenAsync(Products,
            [.. Selected(ids[0], ids[1]), Field("_bulk_field", field), Field("post", "yes"), Field(field, value)]);
        var page = await response.ReadHtmlAsync();

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(message, page.QuerySelector(".bulk-edit-errors")!.TextContent);
        Assert.Equal(3, await Factory.WithDbAsync(db => db.Products.CountAsync(p => p.Stock == 3 && p.Sku != "SAME-SKU" && p.Name != "")));
        Assert.Equal(0, await Factory.WithDbAsync(db => db.Set<LogEntry>().CountAsync()));
    }

    [Fact]
    public async Task A_value_one_row_refuses_through_a_unique_index_saves_nothing()
    {
        var ids = await SeedAsync();
        var taken = await Factory.WithDbAsync(db => db.Products.Where(p => p.Id == ids[2]).Select(p => p.Sku).SingleAsync());
        var client = await SuperuserAsync();

        using var response = await client.PostWithTokenAsync(Products,
            [.. Selected(ids[0]), Field("_bulk_field", "Sku"), Field("post", "yes"), Field("Sku", taken)]);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("Boot: Product with this SKU already exists.", (await response.ReadHtmlAsync()).QuerySelector(".bulk-edit-errors")!.TextContent);
        Assert.Equal(1, await Factory.WithDbAsync(db => db.Products.CountAsync(p => p.Sku == taken)));
    }

    [Fact]
    public async Task A_category_is_set_on_each_row_when_it_exists_and_refused_beside_the_input_when_it_does_not()
    {
        var ids = await SeedAsync();
        var boots = await Factory.AddCategoryAsync("Boots");
        var client = await SuperuserAsync();

        using var refused = await client.PostWithTokenAsync(Products,
            [.. Selected(ids[0], ids[1]), Field("_bulk_field", "CategoryId"), Field("post", "yes"), Field("CategoryId", "999999")]);
        var refusedPage = await refused.ReadHtmlAsync();

        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Equal(["Select a valid choice. That choice is not one of the available choices."],
            refusedPage.QuerySelectorAll(".bulk-edit-errors li").Select(l => l.TextContent.Trim()));
        Assert.Equal(0, await Factory.WithDbAsync(db => db.Products.CountAsync(p => p.CategoryId == boots.Id || p.CategoryId == 999999)));

        using var saved = await client.PostWithTokenAsync(Products,
            [.. Selected(ids[0], ids[1]), Field("_bulk_field", "CategoryId"), Field("post", "yes"), Field("CategoryId", boots.Id.ToString(System.Globalization.CultureInfo.InvariantCulture))]);

        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.Equal(["Boot", "Clog"], await Factory.WithDbAsync(db => db.Products.Where(p => p.CategoryId == boots.Id).OrderBy(p => p.Name).Select(p => p.Name).ToListAsync()));
        Assert.Equal(2, await Factory.WithDbAsync(db => db.Set<LogEntry>().CountAsync()));
    }

    [Fact]
    public async Task Bulk_edit_and_the_list_edit_refuse_an_invalid_row_with_the_same_message_and_save_nothing()
    {
        var ids = await SeedAsync();
        var client = await SuperuserAsync();
        const string list = Products + "?o=0";
        var listForm = (await client.GetHtmlAsync(list)).FormValues("#changelist-form").With("form-0-Stock", "-1").With("_save", "1");

        using var listEdit = await client.PostWithTokenAsync(list, listForm);
        using var bulkEdit = await client.PostWithTokenAsync(Products, [.. Selected(ids[0]), Field("_bulk_field", "Stock"), Field("post", "yes"), Field("Stock", "-1")]);

        var listError = Text((await listEdit.ReadHtmlAsync()).QuerySelector("#id_form-0-Stock-errors")!);
        Assert.Equal("Stock cannot be negative.", listError);
        Assert.Equal([$"Boot: {listError}"], (await bulkEdit.ReadHtmlAsync()).QuerySelectorAll(".bulk-edit-errors li").Select(l => l.TextContent.Trim()));
        Assert.Equal(3, await Factory.WithDbAsync(db => db.Products.CountAsync(p => p.Stock == 3)));
        Assert.Equal(0, await Factory.WithDbAsync(db => db.Set<LogEntry>().CountAsync()));
    }

    [Fact]
    public async Task Without_change_permission_it_is_not_offered_and_a_post_is_refused()
    {
        var ids = await SeedAsync();
        var client = await StaffAsync("viewer@example.com", "catalog.view_product");

        var list = await client.GetHtmlAsync(Products);
        using var response = await client.PostWithTokenAsync(Products,
            [.. Selected(ids[0]), Field("_bulk_field", "Stock"), Field("post", "yes"), Field("Stock", "9")]);

        Assert.DoesNotContain("edit_selected", list.QuerySelectorAll("select[name=action] option").Select(o => o.GetAttribute("value")));
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal(0, await Factory.WithDbAsync(db => db.Products.CountAsync(p => p.Stock == 9)));
    }
}
