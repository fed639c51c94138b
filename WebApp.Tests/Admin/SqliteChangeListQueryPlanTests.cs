using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using WebApp.Data;
using WebApp.Tests.Infrastructure;

namespace WebApp.Tests.Admin;

/// <summary>
/// The product changelist's page queries, as the admin sends them (read from EF's command log), walk an index in list
/// order: no sort of the whole table, whatever the ordering, filter or page.
/// </summary>
public class SqliteChangeListQueryPlanTests : IDisposable
{
    private const string Products = "/admin/catalog/product/";

    private readonly CommandLoggingFactory _factory = new();

    public void Dispose()
    {
        _factory.Dispose();
        GC.SuppressFinalize(this);
    }

    private sealed class CommandLoggingFactory : WebAppFactory
    {
        protected override IDictionary<string, string?> ExtraSettings => new Dictionary<string, string?>
        {
            ["Admin:ExactCountLimit"] = "50",
            ["Logging:LogLevel:Microsoft.EntityFrameworkCore.Database.Command"] = "Information",
        };
    }

    [Theory]
    [InlineData("", "IX_Products_Name_Id")]
    [InlineData("?o=3", "IX_Products_Price_Id")]
    [InlineData("?o=-3", "IX_Products_Price_Id")]
    [InlineData("?o=4", "IX_Products_Stock_Id")]
    [InlineData("?CategoryId={category}", "IX_Products_CategoryId_Name_Id")]
    [InlineData("?p=3", "IX_Products_Name_Id")]
    public async Task A_page_walks_its_index_on_Sqlite(string query, string index)
    {
        var category = await SeedAsync();
        var client = await _factory.LoggedInClientAsync("root@example.com", staff: true, superuser: true);

        var plan = await PagePlanAsync(client, Products + query.Replace("{category}", category.ToString(), StringComparison.Ordinal));

        Assert.Contains(index, plan);
        // A descending sort keeps the key ascending (as ties always are): only rows of equal price are sorted, in passing.
        Assert.DoesNotContain("USE TEMP B-TREE FOR ORDER BY", plan);
    }

    [Fact]
    public async Task A_next_page_link_seeks_in_the_index_on_Sqlite()
    {
        await SeedAsync();
        var client = await _factory.LoggedInClientAsync("root@example.com", staff: true, superuser: true);
        var first = await client.GetHtmlAsync(Products + "?o=3");
        var next = first.QuerySelectorAll(".admin-pager a.page-link").First(a => a.TextContent.Trim() == "2").GetAttribute("href")!;

        var plan = await PagePlanAsync(client, next);

        Assert.Contains("SEARCH", plan);
        Assert.Contains("IX_Products_Price_Id", plan);
        Assert.DoesNotContain("TEMP B-TREE", plan);
    }

    [Fact]
    public async Task A_search_starts_from_the_full_text_index_on_Sqlite()
    {
        await SeedAsync();
        var client = await _factory.LoggedInClientAsync("root@example.com", staff: true, superuser: true);

        var page = await client.GetHtmlAsync(Products + "?q=Product+112");
        var plan = await PagePlanAsync(client, Products + "?q=Product+112");

        // Product 111's SKU, TEST-00112, holds "112" too: the index offers it, the search fields' match (^Sku) drops it.
        Assert.Equal(["Product 112"], AdminPages.FirstColumn(page));
        Assert.Contains("ProductSearch", plan);
    }

    [Fact]
    public async Task A_table_its_rowids_bound_under_the_exact_count_limit_is_counted_outright_on_Sqlite()
    {
        await SeedAsync(products: 40);
        var client = await _factory.LoggedInClientAsync("root@example.com", staff: true, superuser: true);
        _factory.Logs.Entries.Clear();

        var page = await client.GetHtmlAsync(Products);

        Assert.Equal("40 products", page.QuerySelector(".admin-result-count")!.TextContent.Trim());
        var counts = Commands().Where(s => s.Contains("COUNT(*)", StringComparison.Ordinal)).ToList();
        // SQLite counts a whole table from its B-tree pages; a count up to the limit would step through every row.
        Assert.Equal(["SELECT COUNT(*)\nFROM \"Products\" AS \"p\""], counts.Select(c => c.ReplaceLineEndings("\n")));
    }

    private async Task<int> SeedAsync(int products = 300)
    {
        var catalog = new CatalogBuilder();
        var category = catalog.Category("Shoes");
        for (var i = 0; i < products; i++) catalog.Product($"Product {i:000}", price: i % 7, category: category, stock: i % 5);
        await catalog.SaveAsync(_factory);
        return category.Id;
    }

    /// <summary>Requests the page and explains the query that read its rows (the one with a LIMIT on Products).</summary>
    private async Task<string> PagePlanAsync(HttpClient client, string url)
    {
        _factory.Logs.Entries.Clear();
        using var response = await client.GetAsync(url);
        response.EnsureSuccessStatusCode();
        var sql = Commands().Last(s => s.Contains("FROM \"Products\"", StringComparison.Ordinal) && s.Contains("LIMIT", StringComparison.Ordinal)
                && !s.Contains("COUNT", StringComparison.Ordinal) && s.Contains("\"Categories\"", StringComparison.Ordinal));

        await using var scope = _factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var connection = db.Database.GetDbConnection();
        await connection.OpenAsync();
        await using DbCommand command = connection.CreateCommand();
        command.CommandText = "EXPLAIN QUERY PLAN " + sql;
        var lines = new List<string>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync()) lines.Add(reader.GetString(3));
        return string.Join("\n", lines);
    }

    /// <summary>The SQL of every command EF logged since the log was last cleared.</summary>
    private IEnumerable<string> Commands() => _factory.Logs.Entries
        .Where(e => e.Category == "Microsoft.EntityFrameworkCore.Database.Command" && e.Message.StartsWith("Executed DbCommand", StringComparison.Ordinal))
        .Select(e => e.Message[(e.Message.IndexOf('\n', StringComparison.Ordinal) + 1)..]);
}
