using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Logging;
using WebApp.Admin;
using WebApp.Catalog;
using WebApp.Tests.Infrastructure;

namespace WebApp.Tests.Admin;

public class ChangeListPagingAndOrderingTests : AdminTestBase
{
    /// <summary>Products "P000".."P{n-1}" with prices 1, 2, 3, ... in one category (bulk insert: one SaveChanges).</summary>
    private async Task SeedProductsAsync(int count, Func<int, decimal>? price = null, string prefix = "P") =>
        await Factory.WithDbAsync(async db =>
        {
            var category = new Category { Name = "Bulk " + prefix, Slug = "bulk-" + prefix.ToLowerInvariant() };
            for (var i = 0; i < count; i++)
                db.Products.Add(new Product { Name = $"{prefix}{i:000}", Slug = $"{prefix.ToLowerInvariant()}{i}", Sku = $"{prefix}SKU{i}", Price = price?.Invoke(i) ?? i + 1, Category = category });
            await db.SaveChangesAsync();
        });

    [Fact]
    public async Task Pages_hold_100_rows_and_the_footer_counts_all()
    {
        await SeedProductsAsync(205);
        var client = await SuperuserAsync();

        var first = await client.GetHtmlAsync("/admin/catalog/product/");
        var third = await client.GetHtmlAsync("/admin/catalog/product/?p=3");

        Assert.Equal(100, FirstColumn(first).Count);
        Assert.Equal(["P200", "P201", "P202", "P203", "P204"], FirstColumn(third));
        Assert.Equal("205 products", first.QuerySelector(".admin-result-count")!.TextContent);
        Assert.Equal(["1", "2", "3"], first.QuerySelectorAll(".admin-pager .page-item").Select(p => p.TextContent.Trim()));
        Assert.Null(first.QuerySelector(".admin-show-all"));
    }

    [Fact]
    public async Task A_page_out_of_range_redirects_with_the_error_flag()
    {
        await SeedProductsAsync(3);
        var client = await SuperuserAsync();

        foreach (var page in new[] { "2", "0", "-1" })
        {
            using var response = await client.GetAsync("/admin/catalog/product/?p=" + page);
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
            Assert.Equal("/admin/catalog/product/?e=1", Location(response));
        }
    }

    [Fact]
    public async Task A_non_numeric_page_shows_page_one()
    {
        await SeedProductsAsync(3);
        var client = await SuperuserAsync();

        var (response, page) = await GetAsync(client, "/admin/catalog/product/?p=abc");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(["P000", "P001", "P002"], FirstColumn(page));
    }

    [Fact]
    public async Task Show_all_lists_every_row_up_to_the_limit()
    {
        await SeedProductsAsync(150);
        var client = await SuperuserAsync();

        var paged = await client.GetHtmlAsync("/admin/catalog/product/");
        var all = await client.GetHtmlAsync(paged.QuerySelector(".admin-show-all")!.GetAttribute("href")!);

        Assert.Equal(150, FirstColumn(all).Count);
        Assert.Empty(all.QuerySelectorAll(".admin-pager .page-item"));
    }

    [Fact]
    public async Task Show_all_is_ignored_above_the_limit()
    {
        await SeedProductsAsync(201);
        var client = await SuperuserAsync();

        var page = await client.GetHtmlAsync("/admin/catalog/product/?all=");

        Assert.Equal(100, FirstColumn(page).Count);
    }

    [Fact]
    public void Page_links_are_elided_around_the_current_page_and_the_ends()
    {
        Assert.Equal([1, 2, null, 7, 8, 9, 10, 11, 12, 13, null, 49, 50], ChangeList<Product>.ElidedPageRange(10, 50));
        Assert.Equal([1, 2, 3, 4, 5, 6, 7, 8, 9, 10], ChangeList<Product>.ElidedPageRange(1, 10));
        Assert.Equal([1, 2, 3, 4, 5, null, 49, 50], ChangeList<Product>.ElidedPageRange(2, 50));
    }

    [Fact]
    public async Task Pager_links_show_gaps_on_large_tables()
    {
        await SeedProductsAsync(2000);
        var client = await SuperuserAsync();

        var page = await client.GetHtmlAsync("/admin/catalog/product/?p=10");

        Assert.Equal(["1", "2", "…", "7", "8", "9", "10", "11", "12", "13", "…", "19", "20"],
            page.QuerySelectorAll(".admin-pager .page-item").Select(p => p.TextContent.Trim()));
        Assert.Equal("page", page.QuerySelector(".admin-pager .active")!.GetAttribute("aria-current"));
    }

    [Fact]
    public async Task Ordering_by_one_column_each_way()
    {
        await SeedProductsAsync(4, i => 10 - i);
        var client = await SuperuserAsync();

        Assert.Equal(["P003", "P002", "P001", "P000"], FirstColumn(await client.GetHtmlAsync("/admin/catalog/product/?o=3")));
        Assert.Equal(["P000", "P001", "P002", "P003"], FirstColumn(await client.GetHtmlAsync("/admin/catalog/product/?o=-3")));
    }

    [Fact]
    public async Task Multi_column_ordering_with_the_key_as_tiebreak()
    {
        // Prices 1,1,2,2: sorting by price alone leaves ties that the key (insert order) breaks.
        await SeedProductsAsync(4, i => i / 2 + 1);
        var client = await SuperuserAsync();

        Assert.Equal(["P000", "P001", "P002", "P003"], FirstColumn(await client.GetHtmlAsync("/admin/catalog/product/?o=3")));
        Assert.Equal(["P001", "P000", "P003", "P002"], FirstColumn(await client.GetHtmlAsync("/admin/catalog/product/?o=3.-0")));
        Assert.Equal(["P003", "P002", "P001", "P000"], FirstColumn(await client.GetHtmlAsync("/admin/catalog/product/?o=-3.-0")));
    }

    [Fact]
    public async Task Invalid_ordering_parts_are_ignored()
    {
        await SeedProductsAsync(3, i => 10 - i);
        var client = await SuperuserAsync();

        foreach (var o in new[] { "x", "99", "-", "3x" })
        {
            var (response, page) = await GetAsync(client, "/admin/catalog/product/?o=" + o);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Equal(["P000", "P001", "P002"], FirstColumn(page));
        }
        Assert.Equal(["P002", "P001", "P000"], FirstColumn(await client.GetHtmlAsync("/admin/catalog/product/?o=x.3.99")));
    }

    [Fact]
    public async Task Computed_columns_sort_by_their_sort_key_and_render_booleans()
    {
        var shoes = await Factory.AddCategoryAsync("Shoes");
        var hats = await Factory.AddCategoryAsync("Hats");
        await Factory.AddCategoryAsync("Empty");
        await Factory.AddProductAsync("Boot", shoes.Id);
        await Factory.AddProductAsync("Clog", shoes.Id);
        await Factory.AddProductAsync("Cap", hats.Id);
        var client = await SuperuserAsync();

        var byCount = await client.GetHtmlAsync("/admin/catalog/category/?o=-2");
        var unsortable = await client.GetHtmlAsync("/admin/catalog/category/?o=3");

        Assert.Equal(["Shoes", "Hats", "Empty"], FirstColumn(byCount));
        Assert.Equal(["No", "Yes", "Yes"], FirstColumn(unsortable).Select((_, i) => unsortable.QuerySelectorAll("#result_list tbody tr")[i].QuerySelector(".admin-boolean .visually-hidden")!.TextContent).Order());
        Assert.Empty(unsortable.QuerySelectorAll("#result_list thead th")[4].QuerySelectorAll("a"));
        Assert.Equal(["Empty", "Hats", "Shoes"], FirstColumn(unsortable));
    }

    [Fact]
    public async Task Headers_link_to_primary_toggle_and_remove_orderings()
    {
        await SeedProductsAsync(2);
        var client = await SuperuserAsync();

        var page = await client.GetHtmlAsync("/admin/catalog/product/?o=3.-0");

        var headers = page.QuerySelectorAll("#result_list thead th").Skip(1).ToList();
        var name = headers[0];
        var price = headers[3];
        Assert.Equal("descending", name.GetAttribute("aria-sort"));
        Assert.Equal("2", name.QuerySelector(".admin-sort-priority")!.TextContent);
        Assert.Equal("/admin/catalog/product/?o=0.3", name.QuerySelector(".admin-sort-primary")!.GetAttribute("href"));
        Assert.Equal("/admin/catalog/product/?o=3.0", name.QuerySelector(".admin-sort-toggle")!.GetAttribute("href"));
        Assert.Equal("/admin/catalog/product/?o=3", name.QuerySelector(".admin-sort-remove")!.GetAttribute("href"));
        Assert.Equal("ascending", price.GetAttribute("aria-sort"));
        var stock = headers[4];
        Assert.Equal("/admin/catalog/product/?o=4.3.-0", stock.QuerySelector(".admin-sort-primary")!.GetAttribute("href"));
        Assert.Null(headers[2].GetAttribute("aria-sort"));
    }

    [Fact]
    public async Task The_changelist_reads_its_rows_with_the_same_queries_whatever_their_number()
    {
        var logs = new CapturedLogs();
        using var factory = Factory.WithWebHostBuilder(b => b.ConfigureLogging(l =>
            l.AddProvider(logs).AddFilter<CapturedLogs>("Microsoft.EntityFrameworkCore.Database.Command", LogLevel.Information)));
        await SeedProductsAsync(5);
        await Factory.CreateUserAsync("root@example.com", staff: true, superuser: true);
        var client = factory.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        await client.LoginAsync("root@example.com");

        async Task<int> CommandsAsync()
        {
            logs.Entries.Clear();
            using var response = await client.GetAsync("/admin/catalog/product/");
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            // The mail outbox polls every 5 s on its own; under load a request can last that long.
            return logs.Entries.Count(e => e.Category == "Microsoft.EntityFrameworkCore.Database.Command" && e.Message.Contains("SELECT")
                && !e.Message.Contains("OutboxMessages"));
        }

        var few = await CommandsAsync();
        await SeedProductsAsync(60, prefix: "Q");
        var many = await CommandsAsync();

        Assert.True(few > 0);
        Assert.Equal(few, many);
    }

    [Fact]
    public async Task Values_are_formatted_and_empty_ones_show_a_dash()
    {
        await Factory.WithDbAsync(async db =>
        {
            var category = new Category { Name = "Misc", Slug = "misc" };
            db.Products.Add(new Product { Name = "Costly", Slug = "costly", Sku = "C1", Price = 1234.5m, Stock = 3, Category = category, IsActive = false });
            await db.SaveChangesAsync();
        });
        var client = await SuperuserAsync();

        var page = await client.GetHtmlAsync("/admin/catalog/product/");

        var cells = page.QuerySelectorAll("#result_list tbody td").Skip(1).Select(c => c.TextContent.Trim()).ToList();
        Assert.Equal("$1,234.50", cells[3]);
        Assert.Equal("No", page.QuerySelector("#result_list tbody .admin-boolean .visually-hidden")!.TextContent);
        var tags = await client.GetHtmlAsync("/admin/catalog/category/");
        Assert.Equal("1", tags.QuerySelectorAll("#result_list tbody td")[3].TextContent.Trim());
        await Factory.WithDbAsync(async db =>
        {
            db.Add(new WebApp.Admin.LogEntry { ActionTime = DateTime.UtcNow, UserName = "", ContentType = "catalog.category", ObjectId = "1", ObjectRepr = "Misc", Action = WebApp.Admin.LogAction.Add });
            await db.SaveChangesAsync();
        });
        var log = await client.GetHtmlAsync("/admin/admin/logentry/");
        Assert.Equal("-", log.QuerySelectorAll("#result_list tbody td")[1].TextContent.Trim());
    }
}
