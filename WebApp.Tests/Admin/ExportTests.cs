using System.Globalization;
using System.Net;
using CsvHelper;
using WebApp.Tests.Infrastructure;

namespace WebApp.Tests.Admin;

/// <summary>The changelist as CSV: <c>/admin/{app}/{model}/export/?{the changelist's query}</c>.</summary>
public class ExportTests : AdminTestBase
{
    private const string Products = "/admin/catalog/product/";

    [Fact]
    public async Task The_export_holds_every_page_of_the_filtered_sorted_list_with_its_columns()
    {
        var boots = await Factory.AddCategoryAsync("Boots");
        var hats = await Factory.AddCategoryAsync("Hats");
        for (var i = 1; i <= 130; i++) await Factory.AddProductAsync($"Boot {i:000}", boots.Id, price: 100 + i % 7);
        await Factory.AddProductAsync("Hat", hats.Id);
        var client = await StaffAsync("viewer@example.com", "catalog.view_product");
        var query = $"?CategoryId={boots.Id}&o=-3.0";
        var page = await client.GetHtmlAsync(Products + query);

        var link = page.QuerySelector("a.admin-export")!.GetAttribute("href");
        Assert.Equal($"{Products}export/{query}", link);
        using var response = await client.GetAsync(link);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv", response.Content.Headers.ContentType!.MediaType);
        Assert.Equal("product.csv", response.Content.Headers.ContentDisposition!.FileNameStar);
        var rows = await ReadCsvAsync(response);
        var headers = page.QuerySelectorAll("#result_list thead th[scope=col]")
            .Select(th => th.QuerySelector(".admin-sort-primary, span")?.TextContent.Trim() ?? "").Where(t => t.Length > 0);
        Assert.Equal(headers, rows[0]);
        var expected = Enumerable.Range(1, 130)
            .Select(i => (Name: $"Boot {i:000}", Price: 100 + i % 7))
            .OrderByDescending(p => p.Price).ThenBy(p => p.Name)
            .Select(p => new[] { p.Name, "Boots", p.Price.ToString("0.00", CultureInfo.InvariantCulture) });
        Assert.Equal(expected, rows.Skip(1).Select(r => new[] { r[0], r[2], r[3] }));
        Assert.All(rows.Skip(1), r => Assert.Equal("Yes", r[5]));
    }

    [Fact]
    public async Task Search_narrows_the_export_as_it_narrows_the_list()
    {
        var category = await Factory.AddCategoryAsync("Footwear");
        await Factory.AddProductAsync("Walking boot", category.Id);
        await Factory.AddProductAsync("Riding boot", category.Id);
        await Factory.AddProductAsync("Sandal", category.Id);
        var client = await SuperuserAsync();

        var rows = await ReadCsvAsync(await client.GetAsync(Products + "export/?q=BOOT"));

        Assert.Equal(["Riding boot", "Walking boot"], rows.Skip(1).Select(r => r[0]));
    }

    [Theory]
    [InlineData("=HYPERLINK(\"http://evil.example\")")]
    [InlineData("+1+1")]
    [InlineData("-2+3")]
    [InlineData("@SUM(A1)")]
    [InlineData("\tTabbed")]
    [InlineData("\rReturn")]
    public async Task Cells_a_spreadsheet_would_run_as_a_formula_are_neutralised(string name)
    {
        var category = await Factory.AddCategoryAsync("Boots");
        await Factory.AddProductAsync(name, category.Id);
        var client = await SuperuserAsync();

        var rows = await ReadCsvAsync(await client.GetAsync(Products + "export/"));

        Assert.Equal("'" + name, rows[1][0]);
    }

    [Fact]
    public async Task Export_needs_view_permission_and_a_signed_in_user()
    {
        var anonymous = Factory.CreateBrowserClient();
        using var signedOut = await anonymous.GetAsync(Products + "export/");
        Assert.Equal(HttpStatusCode.Redirect, signedOut.StatusCode);
        Assert.Contains("/Identity/Account/Login", Location(signedOut));

        var staff = await StaffAsync("orders@example.com", "orders.view_order");
        using var refused = await staff.GetAsync(Products + "export/");
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.NotEqual("text/csv", refused.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task Undeclared_lookups_are_refused_and_bad_filter_values_go_back_to_the_list()
    {
        var client = await SuperuserAsync();

        using var undeclared = await client.GetAsync(Products + "export/?Description__contains=x");
        Assert.Equal(HttpStatusCode.BadRequest, undeclared.StatusCode);

        using var invalid = await client.GetAsync(Products + "export/?IsActive=maybe");
        Assert.Equal(HttpStatusCode.Redirect, invalid.StatusCode);
        Assert.Equal(Products + "?e=1", Location(invalid));
    }

    private static async Task<List<string[]>> ReadCsvAsync(HttpResponseMessage response)
    {
        using (response)
        {
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            using var text = new StringReader(await response.Content.ReadAsStringAsync());
            using var csv = CsvReader.Create(text, new CsvReaderOptions { HasHeader = false, AllowLineBreaksInQuotes = true }, leaveOpen: false);
            var rows = new List<string[]>();
            while (await csv.ReadAsync())
                rows.Add([.. Enumerable.Range(0, csv.FieldCount).Select(csv.GetString)]);
            return rows;
        }
    }
}
