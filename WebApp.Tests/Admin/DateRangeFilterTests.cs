using System.Net;
using WebApp.Tests.Infrastructure;

namespace WebApp.Tests.Admin;

/// <summary>The date range beside the presets: <c>CreatedAt__gte</c> (from, inclusive) and <c>CreatedAt__lt</c> (to, exclusive), UTC days.</summary>
public class DateRangeFilterTests : AdminTestBase
{
    private const string Products = "/admin/catalog/product/";

    private static DateTime Utc(int day, int hour, int minute, int second) => new(2025, 1, day, hour, minute, second, DateTimeKind.Utc);

    private async Task SeedAsync()
    {
        var category = await Factory.AddCategoryAsync("Shoes");
        await Factory.AddProductAsync("Before", category.Id, createdAt: Utc(1, 23, 59, 59));
        await Factory.AddProductAsync("First moment", category.Id, createdAt: Utc(2, 0, 0, 0));
        await Factory.AddProductAsync("Last moment", category.Id, createdAt: Utc(4, 23, 59, 59));
        await Factory.AddProductAsync("After", category.Id, createdAt: Utc(5, 0, 0, 0));
    }

    [Fact]
    public async Task From_is_inclusive_and_to_is_exclusive_at_utc_midnight()
    {
        await SeedAsync();
        var client = await SuperuserAsync();

        var range = await client.GetHtmlAsync(Products + "?CreatedAt__gte=2025-01-02&CreatedAt__lt=2025-01-05");
        var from = await client.GetHtmlAsync(Products + "?CreatedAt__gte=2025-01-02");
        var to = await client.GetHtmlAsync(Products + "?CreatedAt__lt=2025-01-02");

        Assert.Equal(["First moment", "Last moment"], FirstColumn(range));
        Assert.Equal(["After", "First moment", "Last moment"], FirstColumn(from));
        Assert.Equal(["Before"], FirstColumn(to));
    }

    [Fact]
    public async Task The_filter_panel_offers_the_range_inputs_filled_and_keeping_the_other_parameters()
    {
        await SeedAsync();
        var client = await SuperuserAsync();

        var page = await client.GetHtmlAsync(Products + "?IsActive=1&CreatedAt__gte=2025-01-02&o=1");
        var form = page.QuerySelector("form.admin-date-range")!;

        Assert.Equal("2025-01-02", form.QuerySelector("input[name=CreatedAt__gte]")!.GetAttribute("value"));
        Assert.Equal("date", form.QuerySelector("input[name=CreatedAt__lt]")!.GetAttribute("type"));
        Assert.Equal([("IsActive", "1"), ("o", "1")],
            form.QuerySelectorAll("input[type=hidden]").Select(i => (i.GetAttribute("name"), i.GetAttribute("value"))));
        Assert.NotNull(page.QuerySelector(".admin-filters a[href='/admin/catalog/product/?IsActive=1&o=1']"));
    }

    [Theory]
    [InlineData("CreatedAt__gte=2025-13-01")]
    [InlineData("CreatedAt__lt=yesterday")]
    [InlineData("CreatedAt__gte=2025-02-30")]
    [InlineData("CreatedAt__lt=")]
    public async Task A_date_that_is_not_one_is_an_invalid_filter_not_an_error(string query)
    {
        await SeedAsync();
        var client = await SuperuserAsync();

        using var response = await client.GetAsync(Products + "?" + query);
        var shown = await client.GetHtmlAsync(Location(response));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(Products + "?e=1", Location(response));
        Assert.Contains("Invalid filter", Messages(shown));
    }
}
