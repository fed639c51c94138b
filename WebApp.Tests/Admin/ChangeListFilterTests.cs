using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Logging;
using WebApp.Orders;
using WebApp.Tests.Infrastructure;

namespace WebApp.Tests.Admin;

public class ChangeListFilterTests : AdminTestBase
{
    private static async Task<List<string>> NamesAsync(HttpClient client, string query) =>
        FirstColumn(await client.GetHtmlAsync("/admin/catalog/product/?" + query)).Order().ToList();

    [Fact]
    public async Task Boolean_filter_keeps_yes_or_no_and_marks_the_choice()
    {
        var category = await Factory.AddCategoryAsync("Misc");
        await Factory.AddProductAsync("On", category.Id, active: true);
        await Factory.AddProductAsync("Off", category.Id, active: false);
        var client = await SuperuserAsync();

        Assert.Equal(["On"], await NamesAsync(client, "IsActive=1"));
        Assert.Equal(["Off"], await NamesAsync(client, "IsActive=0"));
        var page = await client.GetHtmlAsync("/admin/catalog/product/?IsActive=0");
        var selected = page.QuerySelectorAll(".admin-filters li.selected").Select(l => l.TextContent.Trim()).ToList();
        Assert.Contains("No", selected);
    }

    [Fact]
    public async Task Foreign_key_filter_lists_related_rows_in_the_related_admins_order()
    {
        var shoes = await Factory.AddCategoryAsync("Shoes");
        var hats = await Factory.AddCategoryAsync("Hats");
        await Factory.AddProductAsync("Boot", shoes.Id);
        await Factory.AddProductAsync("Cap", hats.Id);
        var client = await SuperuserAsync();

        Assert.Equal(["Cap"], await NamesAsync(client, $"CategoryId={hats.Id}"));
        var page = await client.GetHtmlAsync("/admin/catalog/product/");
        Assert.Equal(["All", "Hats", "Shoes"], AdminPages.FilterChoices(page, "category"));
    }

    [Fact]
    public async Task Enum_filter_offers_one_choice_per_value()
    {
        var customer = await Factory.CreateUserAsync("buyer@example.com");
        await Factory.AddOrderAsync("ORD-1", customer, OrderStatus.Paid);
        await Factory.AddOrderAsync("ORD-2", customer, OrderStatus.Shipped);
        var client = await SuperuserAsync();

        var page = await client.GetHtmlAsync("/admin/orders/order/?Status=Shipped");

        Assert.Equal(["ORD-2"], FirstColumn(page));
        Assert.Equal(["All", "Pending", "Paid", "Shipped", "Delivered", "Cancelled"], AdminPages.FilterChoices(page, "status"));
    }

    [Fact]
    public async Task Date_filter_presets_select_the_right_ranges()
    {
        var category = await Factory.AddCategoryAsync("Misc");
        var now = DateTime.UtcNow;
        var monthStart = new DateTime(now.Year, now.Month, 1, 0, 0, 1, DateTimeKind.Utc);
        var yearStart = new DateTime(now.Year, 1, 1, 0, 0, 1, DateTimeKind.Utc);
        await Factory.AddProductAsync("Now", category.Id, createdAt: now);
        await Factory.AddProductAsync("Six days ago", category.Id, createdAt: now.Date.AddDays(-6).AddMinutes(1));
        await Factory.AddProductAsync("Eight days ago", category.Id, createdAt: now.Date.AddDays(-8));
        await Factory.AddProductAsync("Month start", category.Id, createdAt: monthStart);
        await Factory.AddProductAsync("Before month", category.Id, createdAt: monthStart.AddDays(-1));
        await Factory.AddProductAsync("Year start", category.Id, createdAt: yearStart);
        await Factory.AddProductAsync("Last year", category.Id, createdAt: yearStart.AddDays(-1));
        var client = await SuperuserAsync();

        var today = await NamesAsync(client, "CreatedAt=today");
        Assert.Contains("Now", today);
        Assert.DoesNotContain("Six days ago", today);
        var week = await NamesAsync(client, "CreatedAt=past-7-days");
        Assert.Contains("Six days ago", week);
        Assert.DoesNotContain("Eight days ago", week);
        var month = await NamesAsync(client, "CreatedAt=this-month");
        Assert.Contains("Month start", month);
        Assert.DoesNotContain("Before month", month);
        var year = await NamesAsync(client, "CreatedAt=this-year");
        Assert.Contains("Year start", year);
        Assert.DoesNotContain("Last year", year);
    }

    [Fact]
    public async Task A_custom_filter_class_applies_its_own_query()
    {
        var category = await Factory.AddCategoryAsync("Misc");
        await Factory.AddProductAsync("Empty", category.Id, stock: 0);
        await Factory.AddProductAsync("Few", category.Id, stock: 3);
        await Factory.AddProductAsync("Plenty", category.Id, stock: 50);
        var client = await SuperuserAsync();

        Assert.Equal(["Empty"], await NamesAsync(client, "stock=out"));
        Assert.Equal(["Few"], await NamesAsync(client, "stock=low"));
        Assert.Equal(["Few", "Plenty"], await NamesAsync(client, "stock=in"));
        var page = await client.GetHtmlAsync("/admin/catalog/product/");
        Assert.Contains(page.QuerySelectorAll(".admin-filters summary"), s => s.TextContent == "By stock level");
    }

    [Fact]
    public async Task Filters_combine_and_all_or_clear_removes_them()
    {
        var shoes = await Factory.AddCategoryAsync("Shoes");
        var hats = await Factory.AddCategoryAsync("Hats");
        await Factory.AddProductAsync("Active boot", shoes.Id, active: true);
        await Factory.AddProductAsync("Old boot", shoes.Id, active: false);
        await Factory.AddProductAsync("Active cap", hats.Id, active: true);
        var client = await SuperuserAsync();

        Assert.Equal(["Active boot"], await NamesAsync(client, $"IsActive=1&CategoryId={shoes.Id}"));

        var page = await client.GetHtmlAsync($"/admin/catalog/product/?IsActive=1&CategoryId={shoes.Id}");
        var clear = page.QuerySelectorAll(".admin-filters a").Single(a => a.TextContent.Contains("Clear all filters")).GetAttribute("href")!;
        Assert.Equal("/admin/catalog/product/", clear);
        var allActive = page.QuerySelectorAll(".admin-filters details").First().QuerySelector("li a")!.GetAttribute("href")!;
        Assert.Equal($"/admin/catalog/product/?CategoryId={shoes.Id}", allActive);
    }

    [Theory]
    [InlineData("catalog/product", "PasswordHash=x")]
    [InlineData("admin/logentry", "PasswordHash=x")]
    [InlineData("catalog/product", "Price__gt=1")]
    [InlineData("orders/order", "Customer.PasswordHash=x")]
    public async Task An_undeclared_lookup_is_a_400_and_a_security_log_entry(string model, string query)
    {
        var logs = new CapturedLogs();
        using var factory = Factory.WithWebHostBuilder(b => b.ConfigureLogging(l => l.AddProvider(logs)));
        Factory.EnsureMigrated();
        await Factory.CreateUserAsync("root@example.com", staff: true, superuser: true);
        var client = factory.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        await client.LoginAsync("root@example.com");

        using var response = await client.GetAsync($"/admin/{model}/?{query}");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(logs.Entries, e => e.Category == "WebApp.Admin.Security" && e.Level == LogLevel.Warning && e.Message.Contains(query.Split('=')[0]));
    }

    [Theory]
    [InlineData("IsActive=maybe")]
    [InlineData("CategoryId=abc")]
    [InlineData("CategoryId=12345")]
    [InlineData("CreatedAt=yesterday")]
    [InlineData("stock=lots")]
    public async Task A_bad_filter_value_redirects_with_an_error_flag_and_message(string query)
    {
        var category = await Factory.AddCategoryAsync("Misc");
        await Factory.AddProductAsync("Thing", category.Id);
        var client = await SuperuserAsync();

        using var response = await client.GetAsync("/admin/catalog/product/?" + query);

        if (query == "CategoryId=12345")
        {
            // A well-formed key that matches nothing is a valid filter with no results.
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            return;
        }
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/admin/catalog/product/?e=1", Location(response));
        var page = await client.GetHtmlAsync(Location(response));
        Assert.Contains("Invalid filter", Messages(page));
    }

    [Theory]
    [InlineData("Lost")]
    [InlineData("Paid,Shipped")]
    [InlineData("1")]
    [InlineData("paid")]
    public async Task A_bad_enum_value_redirects_too(string status)
    {
        var client = await SuperuserAsync();

        using var response = await client.GetAsync("/admin/orders/order/?Status=" + Uri.EscapeDataString(status));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.EndsWith("?e=1", Location(response));
    }

    [Fact]
    public async Task The_date_filter_starts_with_any_date()
    {
        var client = await SuperuserAsync();

        var page = await client.GetHtmlAsync("/admin/catalog/product/");

        Assert.Equal(["Any date", "Today", "Past 7 days", "This month", "This year"], AdminPages.FilterChoices(page, "created"));
    }
}
