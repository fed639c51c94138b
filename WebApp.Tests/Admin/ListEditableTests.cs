using System.Net;
using Microsoft.EntityFrameworkCore;
using WebApp.Admin;
using WebApp.Tests.Infrastructure;
using static WebApp.Tests.Infrastructure.HtmlForms;

namespace WebApp.Tests.Admin;

public class ListEditableTests : AdminTestBase
{
    private async Task<(int Boot, int Clog)> ProductsAsync()
    {
        var category = await Factory.AddCategoryAsync("Shoes");
        var boot = await Factory.AddProductAsync("Boot", category.Id, stock: 5);
        var clog = await Factory.AddProductAsync("Clog", category.Id, stock: 7);
        return (boot.Id, clog.Id);
    }

    [Fact]
    public async Task Editable_columns_are_inputs_with_a_save_button()
    {
        var (boot, _) = await ProductsAsync();
        var client = await SuperuserAsync();

        var page = await client.GetHtmlAsync("/admin/catalog/product/");

        var input = page.QuerySelector("input[name=form-0-Stock]")!;
        Assert.Equal(("number", "5"), (input.GetAttribute("type"), input.GetAttribute("value")));
        Assert.Equal("Stock of Boot", page.QuerySelector($"label[for={input.Id}]")!.TextContent.Trim());
        Assert.Equal(boot.ToString(), page.QuerySelector("input[name=form-0-id]")!.GetAttribute("value"));
        Assert.NotNull(page.QuerySelector("#changelist-form button[name=_save]"));
    }

    [Fact]
    public async Task Saving_the_list_keeps_stock_a_checkout_took_meanwhile_in_rows_nobody_edited()
    {
        var (boot, clog) = await ProductsAsync();
        var client = await SuperuserAsync();
        var url = "/admin/catalog/product/?o=0";
        var form = (await client.GetHtmlAsync(url)).FormValues("#changelist-form").With("form-1-Stock", "9").With("_save", "1");

        // A customer buys two boots after the page was shown (the checkout's own bulk update).
        await Factory.WithDbAsync(db => db.Products.Where(p => p.Id == boot)
            .ExecuteUpdateAsync(set => set.SetProperty(p => p.Stock, p => p.Stock - 2)));
        using var response = await client.PostWithTokenAsync(url, form);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var stock = await Factory.WithDbAsync(db => db.Products.OrderBy(p => p.Name).Select(p => p.Stock).ToListAsync());
        Assert.Equal([3, 9], stock);
    }

    [Fact]
    public async Task A_product_form_shown_before_a_checkout_cannot_write_the_old_stock_back()
    {
        var (boot, _) = await ProductsAsync();
        var client = await SuperuserAsync();
        var url = $"/admin/catalog/product/{boot}/change/";
        var form = (await client.GetHtmlAsync(url)).FormValues("#product_form").With("Description", "Waterproof.").With("_save", "1");

        await Factory.WithDbAsync(db => db.Products.Where(p => p.Id == boot)
            .ExecuteUpdateAsync(set => set.SetProperty(p => p.Stock, p => p.Stock - 2).SetProperty(p => p.Version, Guid.NewGuid())));
        using var response = await client.PostWithTokenAsync(url, form);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("changed", (await response.ReadHtmlAsync()).QuerySelector(".errornote")!.TextContent);
        var saved = await Factory.WithDbAsync(db => db.Products.SingleAsync(p => p.Id == boot));
        Assert.Equal((3, null), (saved.Stock, saved.Description));
    }

    [Fact]
    public async Task Saving_changes_the_edited_rows_and_logs_only_those()
    {
        var (boot, clog) = await ProductsAsync();
        var client = await SuperuserAsync();
        var url = "/admin/catalog/product/?o=0";
        var form = (await client.GetHtmlAsync(url)).FormValues("#changelist-form").With("form-1-Stock", "9").With("_save", "1");

        using var response = await client.PostWithTokenAsync(url, form);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(url, Location(response));
        Assert.Equal([(boot, 5), (clog, 9)], (await Factory.WithDbAsync(db => db.Products.OrderBy(p => p.Id).Select(p => new { p.Id, p.Stock }).ToListAsync())).Select(p => (p.Id, p.Stock)));
        var entry = await Factory.WithDbAsync(db => db.Set<LogEntry>().SingleAsync());
        Assert.Equal(clog.ToString(), entry.ObjectId);
        Assert.Contains("1 product was changed successfully.", Messages(await client.GetHtmlAsync(url)));
    }

    [Fact]
    public async Task An_invalid_row_saves_nothing_and_shows_its_error()
    {
        await ProductsAsync();
        var client = await SuperuserAsync();
        var url = "/admin/catalog/product/?o=0";
        var form = (await client.GetHtmlAsync(url)).FormValues("#changelist-form").With("form-0-Stock", "8").With("form-1-Stock", "-3").With("_save", "1");

        using var response = await client.PostWithTokenAsync(url, form);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await response.ReadHtmlAsync();
        Assert.Equal("Please correct the errors below.", Text(page.QuerySelector(".errornote")!));
        Assert.Equal("Stock cannot be negative.", Text(page.QuerySelector("#id_form-1-Stock-errors")!));
        Assert.Equal("-3", page.QuerySelector("input[name=form-1-Stock]")!.GetAttribute("value"));
        Assert.Equal("8", page.QuerySelector("input[name=form-0-Stock]")!.GetAttribute("value"));
        Assert.Equal([5, 7], await Factory.WithDbAsync(db => db.Products.OrderBy(p => p.Id).Select(p => p.Stock).ToListAsync()));
    }

    [Fact]
    public async Task View_only_users_get_no_inputs_and_cannot_post_edits()
    {
        var (boot, _) = await ProductsAsync();
        var client = await StaffAsync("viewer@example.com", "catalog.view_product");

        var page = await client.GetHtmlAsync("/admin/catalog/product/");
        Assert.Null(page.QuerySelector("input[name=form-0-Stock]"));

        using var response = await client.PostWithTokenAsync("/admin/catalog/product/", [Field("form-0-id", boot.ToString()), Field("form-0-Stock", "1"), Field("_save", "1")]);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal(5, await Factory.WithDbAsync(db => db.Products.Where(p => p.Id == boot).Select(p => p.Stock).SingleAsync()));
    }
}
