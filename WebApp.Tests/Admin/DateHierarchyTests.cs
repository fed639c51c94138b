using System.Net;
using AngleSharp.Html.Dom;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Logging;
using WebApp.Tests.Infrastructure;

namespace WebApp.Tests.Admin;

/// <summary>Django's date_hierarchy: <c>CreatedAt__year</c>, <c>__month</c>, <c>__day</c> drill down in UTC.</summary>
public class DateHierarchyTests : AdminTestBase
{
    private const string Products = "/admin/catalog/product/";

    private async Task SeedAsync()
    {
        var category = await Factory.AddCategoryAsync("Shoes");
        await Factory.AddProductAsync("Last of 2024", category.Id, createdAt: Utc(2024, 12, 31, 23, 59, 59));
        await Factory.AddProductAsync("First of 2025", category.Id, createdAt: Utc(2025, 1, 1, 0, 0, 0));
        await Factory.AddProductAsync("Ides of March", category.Id, createdAt: Utc(2025, 3, 15, 23, 59, 59));
        await Factory.AddProductAsync("Day after", category.Id, createdAt: Utc(2025, 3, 16, 0, 0, 0));
    }

    [Fact]
    public async Task Years_then_months_then_days_narrow_the_list_at_utc_boundaries()
    {
        await SeedAsync();
        var client = await SuperuserAsync();

        using var response = await client.GetAsync(Products);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var all = await response.ReadHtmlAsync();
        Assert.Equal(["2024", "2025"], Links(all));
        Assert.Equal(4, FirstColumn(all).Count);

        var year2024 = await client.GetHtmlAsync(Products + "?CreatedAt__year=2024");
        Assert.Equal(["Last of 2024"], FirstColumn(year2024));

        var year = await client.GetHtmlAsync(Products + "?CreatedAt__year=2025");
        Assert.Equal(["Day after", "First of 2025", "Ides of March"], FirstColumn(year));
        Assert.Equal(["‹ All dates", "January 2025", "March 2025"], Links(year));
        Assert.Contains("3 results (4 total)", Text(year.Body!));

        var month = await client.GetHtmlAsync(Products + "?CreatedAt__year=2025&CreatedAt__month=3");
        Assert.Equal(["Day after", "Ides of March"], FirstColumn(month));
        Assert.Equal(["‹ 2025", "March 15", "March 16"], Links(month));

        var day = await client.GetHtmlAsync(Products + "?CreatedAt__year=2025&CreatedAt__month=3&CreatedAt__day=15");
        Assert.Equal(["Ides of March"], FirstColumn(day));
        Assert.Equal(["‹ March 2025"], Links(day));
        Assert.Equal("Saturday, March 15, 2025", day.QuerySelector(".admin-date-hierarchy [aria-current=page]")!.TextContent);
    }

    [Fact]
    public async Task Only_the_years_holding_a_row_of_the_current_list_are_offered()
    {
        await SeedAsync();
        var hats = await Factory.AddCategoryAsync("Hats");
        await Factory.AddProductAsync("Long ago", hats.Id, createdAt: Utc(2019, 6, 1, 12, 0, 0));
        var client = await SuperuserAsync();

        Assert.Equal(["2019", "2024", "2025"], Links(await client.GetHtmlAsync(Products)));
        Assert.Equal(["2024", "2025"], Links(await client.GetHtmlAsync(Products + "?q=of")));
        Assert.Equal(["2019"], Links(await client.GetHtmlAsync(Products + "?CategoryId=" + hats.Id)));
    }

    [Fact]
    public async Task Links_keep_the_other_filters_and_the_search()
    {
        await SeedAsync();
        var client = await SuperuserAsync();

        var page = await client.GetHtmlAsync(Products + "?q=of&IsActive=1");

        Assert.Equal(["2024", "2025"], Links(page));
        var link = page.QuerySelectorAll(".admin-date-hierarchy a").Last().GetAttribute("href")!;
        Assert.Contains("q=of", link);
        Assert.Contains("IsActive=1", link);
        Assert.Contains("CreatedAt__year=2025", link);
        Assert.Equal(["First of 2025", "Ides of March"], FirstColumn(await client.GetHtmlAsync(link)));
    }

    [Theory]
    [InlineData("CreatedAt__year=2025&CreatedAt__month=13")]
    [InlineData("CreatedAt__month=3")]
    [InlineData("CreatedAt__year=2025&CreatedAt__day=3")]
    [InlineData("CreatedAt__year=2025&CreatedAt__month=2&CreatedAt__day=30")]
    [InlineData("CreatedAt__year=twenty")]
    [InlineData("CreatedAt__year=0")]
    public async Task A_date_that_does_not_exist_is_an_invalid_filter(string query)
    {
        await SeedAsync();
        var client = await SuperuserAsync();

        using var response = await client.GetAsync(Products + "?" + query);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(Products + "?e=1", Location(response));
    }

    [Fact]
    public async Task The_database_is_asked_for_ranges_on_the_column_never_a_function_of_it()
    {
        await SeedAsync();
        var (client, logs, factory) = await LoggedSuperuserAsync();
        using var _ = factory;

        using var response = await client.GetAsync(Products + "?CreatedAt__year=2025&CreatedAt__month=3");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var sql = logs.Entries.Where(e => e.Message.Contains("\"CreatedAt\"")).Select(e => e.Message).ToList();
        Assert.Contains(sql, s => s.Contains("\"CreatedAt\" >= @") && s.Contains("\"CreatedAt\" < @"));
        foreach (var function in new[] { "strftime", "date_part", "extract(", "datepart" })
            Assert.DoesNotContain(sql, s => s.Contains(function, StringComparison.OrdinalIgnoreCase));

    }

    [Fact]
    public async Task The_first_and_last_dates_come_in_one_query_and_a_list_within_one_period_needs_no_other()
    {
        var category = await Factory.AddCategoryAsync("Shoes");
        await Factory.AddProductAsync("Spring", category.Id, createdAt: Utc(2025, 3, 1, 9, 0, 0));
        await Factory.AddProductAsync("Autumn", category.Id, createdAt: Utc(2025, 10, 1, 9, 0, 0));
        await Factory.AddProductAsync("Before", category.Id, createdAt: Utc(2023, 5, 1, 9, 0, 0));
        var (client, logs, factory) = await LoggedSuperuserAsync();
        using var _ = factory;

        var filtered = await client.GetHtmlAsync(Products + "?q=u");
        // min( on PostgreSQL, MIN( on SQLite.
        var dateQueries = logs.Entries.Count(e => e.Message.Contains("MIN(", StringComparison.OrdinalIgnoreCase) && e.Message.Contains("\"CreatedAt\"", StringComparison.Ordinal));

        Assert.Equal(["2025"], Links(filtered));
        Assert.Equal(1, dateQueries);
        Assert.Equal(["2023", "2025"], Links(await client.GetHtmlAsync(Products)));
        Assert.Empty(Links(await client.GetHtmlAsync(Products + "?q=nothing+like+this")));
        Assert.Empty((await client.GetHtmlAsync(Products + "?q=nothing+like+this")).QuerySelectorAll(".admin-date-hierarchy"));
    }

    /// <summary>A signed-in superuser's client on a host that logs every SQL command (the log starts empty).</summary>
    private async Task<(HttpClient Client, CapturedLogs Logs, IDisposable Factory)> LoggedSuperuserAsync()
    {
        var logs = new CapturedLogs();
        var factory = Factory.WithWebHostBuilder(b => b.ConfigureLogging(l =>
            l.AddProvider(logs).AddFilter<CapturedLogs>("Microsoft.EntityFrameworkCore.Database.Command", LogLevel.Information)));
        await Factory.CreateUserAsync("root@example.com", staff: true, superuser: true);
        var client = factory.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        await client.LoginAsync("root@example.com");
        logs.Entries.Clear();
        return (client, logs, factory);
    }

    private static List<string> Links(IHtmlDocument page) =>
        page.QuerySelectorAll(".admin-date-hierarchy a").Select(a => a.TextContent.Trim()).ToList();

    private static DateTime Utc(int year, int month, int day, int hour, int minute, int second) =>
        new(year, month, day, hour, minute, second, DateTimeKind.Utc);
}
