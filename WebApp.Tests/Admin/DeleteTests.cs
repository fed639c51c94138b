using System.Net;
using Microsoft.EntityFrameworkCore;
using WebApp.Admin;
using WebApp.Orders;
using WebApp.Tests.Infrastructure;
using static WebApp.Tests.Infrastructure.HtmlForms;

namespace WebApp.Tests.Admin;

public class DeleteTests : AdminTestBase
{
    [Fact]
    public async Task Deleting_a_product_takes_its_reviews_and_logs_the_delete()
    {
        var category = await Factory.AddCategoryAsync("Shoes");
        var product = await Factory.AddProductAsync("Boot", category.Id);
        var alice = await Factory.CreateUserAsync("alice@example.com");
        var bob = await Factory.CreateUserAsync("bob@example.com");
        await Factory.AddReviewAsync(product.Id, alice.Id, "Great");
        await Factory.AddReviewAsync(product.Id, bob.Id, "Poor");
        var client = await SuperuserAsync();
        var url = $"/admin/catalog/product/{product.Id}/delete/?_changelist_filters=" + Uri.EscapeDataString("q=boot");

        var page = await client.GetHtmlAsync(url);
        Assert.Equal(["Products: 1", "Reviews: 2"], page.QuerySelectorAll(".deletion-summary li").Select(Text));
        var tree = Text(page.QuerySelector(".deleted-objects")!);
        Assert.Contains("Product: Boot", tree);
        Assert.Contains("Review: Great", tree);
        Assert.Equal(2, page.QuerySelectorAll(".deleted-objects ul ul li").Length);

        using var response = await client.PostWithTokenAsync(url, []);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/admin/catalog/product/?q=boot", Location(response));
        Assert.Equal((0, 0), await Factory.WithDbAsync(async db => (await db.Products.CountAsync(), await db.Reviews.CountAsync())));
        var entry = await Factory.WithDbAsync(db => db.Set<LogEntry>().SingleAsync());
        Assert.Equal((LogAction.Delete, "catalog.product", product.Id.ToString(), "Boot"), (entry.Action, entry.ContentType, entry.ObjectId, entry.ObjectRepr));
        Assert.Contains("The product \"Boot\" was deleted successfully.", Messages(await client.GetHtmlAsync(Location(response))));
    }

    [Fact]
    public async Task Protected_related_objects_block_the_delete()
    {
        var category = await Factory.AddCategoryAsync("Shoes");
        await Factory.AddProductAsync("Boot", category.Id);
        var client = await SuperuserAsync();
        var url = $"/admin/catalog/category/{category.Id}/delete/";

        var page = await client.GetHtmlAsync(url);
        Assert.Contains("protected related objects", page.QuerySelector("main")!.TextContent);
        Assert.Equal(["Product: Boot"], page.QuerySelectorAll("ul.protected li").Select(Text));
        Assert.Empty(page.QuerySelectorAll("main form button"));

        using var response = await client.PostWithTokenAsync(url, []);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(1, await Factory.WithDbAsync(db => db.Categories.CountAsync()));
    }

    [Fact]
    public async Task A_product_in_an_order_is_protected_by_its_order_lines()
    {
        var category = await Factory.AddCategoryAsync("Shoes");
        var product = await Factory.AddProductAsync("Boot", category.Id);
        var customer = await Factory.CreateUserAsync("buyer@example.com");
        await Factory.AddOrderAsync("ORD-1", customer, OrderStatus.Paid, (product.Id, 2));
        var client = await SuperuserAsync();

        var page = await client.GetHtmlAsync($"/admin/catalog/product/{product.Id}/delete/");

        Assert.Equal(["Order line: 2 × Line product"], page.QuerySelectorAll("ul.protected li").Select(Text));
    }

    [Fact]
    public async Task Related_objects_the_user_may_not_delete_are_listed_and_the_post_is_forbidden()
    {
        var category = await Factory.AddCategoryAsync("Shoes");
        var product = await Factory.AddProductAsync("Boot", category.Id);
        var alice = await Factory.CreateUserAsync("alice@example.com");
        await Factory.AddReviewAsync(product.Id, alice.Id, "Great");
        var client = await StaffAsync("staff@example.com", "catalog.view_product", "catalog.delete_product");
        var url = $"/admin/catalog/product/{product.Id}/delete/";

        var page = await client.GetHtmlAsync(url);
        Assert.Equal(["review"], page.QuerySelectorAll("ul.permissions-needed li").Select(Text));

        using var response = await client.PostWithTokenAsync(url, []);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal(1, await Factory.WithDbAsync(db => db.Products.CountAsync()));
    }

    [Fact]
    public async Task Large_cascades_are_counted_exactly_and_listed_only_in_part()
    {
        var category = await Factory.AddCategoryAsync("Shoes");
        var product = await Factory.AddProductAsync("Boot", category.Id);
        var customer = await Factory.CreateUserAsync("buyer@example.com");
        var order = await Factory.AddOrderAsync("ORD-1", customer, OrderStatus.Paid, Enumerable.Range(0, 250).Select(_ => (product.Id, 1)).ToArray());
        var client = await SuperuserAsync();

        var page = await client.GetHtmlAsync($"/admin/orders/order/{order.Id}/delete/");

        Assert.Equal(["Orders: 1", "Order lines: 250"], page.QuerySelectorAll(".deletion-summary li").Select(Text));
        Assert.Equal(199, page.QuerySelectorAll(".deleted-objects ul ul li").Length);
        Assert.Contains("and more", page.QuerySelector(".deleted-objects")!.TextContent);

        using var response = await client.PostWithTokenAsync($"/admin/orders/order/{order.Id}/delete/", []);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(0, await Factory.WithDbAsync(db => db.OrderLines.CountAsync()));
    }

    [Fact]
    public async Task Delete_selected_confirms_then_deletes_each_with_a_log_entry()
    {
        var category = await Factory.AddCategoryAsync("Shoes");
        var boot = await Factory.AddProductAsync("Boot", category.Id);
        var clog = await Factory.AddProductAsync("Clog", category.Id);
        await Factory.AddProductAsync("Keep", category.Id);
        var client = await SuperuserAsync();
        var url = "/admin/catalog/product/?o=0";
        List<KeyValuePair<string, string>> selection = [Field("action", "delete_selected"), Field("_selected_action", boot.Id.ToString()), Field("_selected_action", clog.Id.ToString())];

        using var confirm = await client.PostWithTokenAsync(url, selection);
        Assert.Equal(HttpStatusCode.OK, confirm.StatusCode);
        var page = await confirm.ReadHtmlAsync();
        Assert.Equal("Are you sure?", page.QuerySelector("h1")!.TextContent);
        Assert.Equal(["Products: 2"], page.QuerySelectorAll(".deletion-summary li").Select(Text));
        Assert.Equal(3, await Factory.WithDbAsync(db => db.Products.CountAsync()));

        var form = page.FormValues("main form");
        using var response = await client.PostWithTokenAsync(url, form);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(url, Location(response));
        Assert.Equal(["Keep"], await Factory.WithDbAsync(db => db.Products.Select(p => p.Name).ToListAsync()));
        Assert.Equal(2, await Factory.WithDbAsync(db => db.Set<LogEntry>().CountAsync(e => e.Action == LogAction.Delete)));
        Assert.Contains("Successfully deleted 2 products.", Messages(await client.GetHtmlAsync(url)));
    }

    [Fact]
    public async Task Delete_selected_needs_the_delete_permission()
    {
        var category = await Factory.AddCategoryAsync("Shoes");
        var boot = await Factory.AddProductAsync("Boot", category.Id);
        var client = await StaffAsync("staff@example.com", "catalog.change_product");

        var page = await client.GetHtmlAsync("/admin/catalog/product/");
        Assert.DoesNotContain("delete_selected", page.QuerySelectorAll("select[name=action] option").Select(o => o.GetAttribute("value")));

        using var response = await client.PostWithTokenAsync("/admin/catalog/product/",
            [Field("action", "delete_selected"), Field("_selected_action", boot.Id.ToString()), Field("post", "yes")]);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains("No action selected.", Messages(await client.GetHtmlAsync("/admin/catalog/product/")));
        Assert.Equal(1, await Factory.WithDbAsync(db => db.Products.CountAsync()));
    }
}
