using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using WebApp.Catalog;
using WebApp.Data;
using WebApp.Tests.Infrastructure;

namespace WebApp.Tests.Catalog;

/// <summary>
/// The shop's list pages read the (IsActive, Name/Price/CreatedAt) indexes in order, never sorting the whole table;
/// searches start from the full-text index; counts read indexes alone.
/// </summary>
public class SqliteProductListQueryPlanTests : IDisposable
{
    private readonly WebAppFactory _factory = new();

    public void Dispose() => _factory.Dispose();

    [Theory]
    [InlineData("name", "IX_Products_IsActive_Name")]
    [InlineData("price", "IX_Products_IsActive_Price")]
    [InlineData("-price", "IX_Products_IsActive_Price")]
    [InlineData("newest", "IX_Products_IsActive_CreatedAt")]
    public async Task A_sorted_page_walks_its_index(string sort, string index)
    {
        var catalog = new CatalogBuilder();
        for (var i = 0; i < 60; i++) catalog.Product($"Product {i:00}", i, active: i % 3 != 0);
        await catalog.SaveAsync(_factory);
        Assert.True(ProductSorts.TryParse(sort, out var productSort));

        await using var scope = _factory.Services.CreateAsyncScope();
        var list = scope.ServiceProvider.GetRequiredService<ProductListQuery>();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var page = list.PageOf(list.Matching(new ProductListCriteria(), categoryId: null), productSort, page: 2);

        var plan = await ExplainAsync(db, page.ToQueryString());

        Assert.Contains(index, plan);
        Assert.DoesNotContain("TEMP B-TREE", plan);
    }

    [Theory]
    [InlineData("/products?sort=price", "IX_Products_IsActive_Price")]
    [InlineData("/products?sort=newest&page=2", "IX_Products_IsActive_CreatedAt")]
    [InlineData("/products", "IX_Products_IsActive_Name")]
    public async Task A_compiled_page_walks_its_index_too(string url, string index)
    {
        var logs = new CapturedLogs();
        using var factory = _factory.WithWebHostBuilder(b => b.ConfigureLogging(l =>
            l.AddProvider(logs).AddFilter<CapturedLogs>("Microsoft.EntityFrameworkCore.Database.Command", LogLevel.Information)));
        var catalog = new CatalogBuilder();
        for (var i = 0; i < 60; i++) catalog.Product($"Product {i:00}", i, active: i % 3 != 0);
        await catalog.SaveAsync(_factory);

        using var response = await factory.CreateClient().GetAsync(url);
        response.EnsureSuccessStatusCode();

        // The page's query (the one with LIMIT), as the compiled query sent it: SQL after the log line's first line.
        var sql = logs.Entries.Select(e => e.Message).Single(m => m.Contains("OFFSET") && m.Contains("\"ProductImages\""));
        await using var scope = _factory.Services.CreateAsyncScope();
        var plan = await ExplainAsync(scope.ServiceProvider.GetRequiredService<AppDbContext>(), sql[(sql.IndexOf('\n') + 1)..]);
        Assert.True(plan.Contains(index), plan + "\n" + sql);
        Assert.DoesNotContain("TEMP B-TREE", plan);
    }

    [Fact]
    public async Task Counting_active_products_reads_only_an_index()
    {
        await using var scope = _factory.Services.CreateAsyncScope();
        var list = scope.ServiceProvider.GetRequiredService<ProductListQuery>();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        _factory.EnsureMigrated();

        var plan = await ExplainAsync(db, list.Matching(new ProductListCriteria(), categoryId: null).GroupBy(p => 1).Select(g => g.Count()).ToQueryString());

        Assert.Contains("COVERING INDEX IX_Products_IsActive_", plan);
    }

    [Fact]
    public async Task A_search_reads_the_full_text_index_first_and_looks_products_up_by_id()
    {
        await using var scope = _factory.Services.CreateAsyncScope();
        var list = scope.ServiceProvider.GetRequiredService<ProductListQuery>();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        _factory.EnsureMigrated();
        var criteria = new ProductListCriteria { Search = "Product 0123", MaxPrice = 50m };

        var pagePlan = await ExplainAsync(db, list.PageOf(list.Matching(criteria, categoryId: 3), ProductSort.Name, page: 1).ToQueryString());
        var countPlan = await ExplainAsync(db, list.Matching(criteria, categoryId: 3).GroupBy(p => 1).Select(g => g.Count()).ToQueryString());

        foreach (var plan in new[] { pagePlan, countPlan })
        {
            var steps = plan.Split('\n');
            var index = Array.FindIndex(steps, step => step.StartsWith("SCAN ProductSearch VIRTUAL TABLE", StringComparison.Ordinal));
            var lookup = Array.FindIndex(steps, step => step.StartsWith("SEARCH Products USING INTEGER PRIMARY KEY", StringComparison.Ordinal));
            Assert.True(index >= 0 && lookup > index, plan);
            Assert.DoesNotContain("IX_Products_", plan);
        }
    }

    [Theory]
    [InlineData("ab")] // too short for trigrams
    [InlineData("a\0b")] // a NUL cannot go into a full-text query
    public async Task A_search_the_index_cannot_answer_tests_every_row_as_before(string search)
    {
        await using var scope = _factory.Services.CreateAsyncScope();
        var list = scope.ServiceProvider.GetRequiredService<ProductListQuery>();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        _factory.EnsureMigrated();

        var plan = await ExplainAsync(db, list.PageOf(list.Matching(new ProductListCriteria { Search = search }, categoryId: null), ProductSort.Name, page: 1).ToQueryString());

        Assert.DoesNotContain("ProductSearch", plan);
        Assert.Contains("IX_Products_IsActive_Name", plan);
    }

    [Fact]
    public async Task A_search_with_many_matches_walks_the_sort_index_instead()
    {
        await using var scope = _factory.Services.CreateAsyncScope();
        var list = scope.ServiceProvider.GetRequiredService<ProductListQuery>();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        _factory.EnsureMigrated();

        var plan = await ExplainAsync(db, list.PageOf(list.Matching(new ProductListCriteria { Search = "Product" }, categoryId: null, manyMatches: true), ProductSort.PriceAscending, page: 3).ToQueryString());

        Assert.Contains("IX_Products_IsActive_Price", plan);
        Assert.DoesNotContain("ProductSearch", plan);
        Assert.DoesNotContain("TEMP B-TREE", plan);
    }

    [Fact]
    public async Task Category_counts_read_only_the_category_index_already_grouped()
    {
        await using var scope = _factory.Services.CreateAsyncScope();
        var catalog = scope.ServiceProvider.GetRequiredService<CatalogQueries>();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        _factory.EnsureMigrated();

        var plan = await ExplainAsync(db, catalog.ActiveProductsByCategory().ToQueryString());

        Assert.Contains("COVERING INDEX IX_Products_CategoryId_IsActive", plan);
        Assert.DoesNotContain("TEMP B-TREE", plan);
    }

    [Fact]
    public async Task The_newest_products_walk_the_created_index()
    {
        await using var scope = _factory.Services.CreateAsyncScope();
        var catalog = scope.ServiceProvider.GetRequiredService<CatalogQueries>();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        _factory.EnsureMigrated();

        var plan = await ExplainAsync(db, catalog.NewestProducts(8).ToQueryString());

        Assert.Contains("IX_Products_IsActive_CreatedAt", plan);
        Assert.DoesNotContain("TEMP B-TREE", plan);
    }

    /// <summary>SQLite's plan for SQL from ToQueryString, whose parameters come as ".param set @name value" lines.</summary>
    private static async Task<string> ExplainAsync(AppDbContext db, string queryString)
    {
        var connection = db.Database.GetDbConnection();
        await connection.OpenAsync();
        await using DbCommand command = connection.CreateCommand();
        var sql = new List<string>();
        foreach (var line in queryString.Split('\n'))
        {
            if (!line.StartsWith(".param set ", StringComparison.Ordinal))
            {
                sql.Add(line);
                continue;
            }
            var parts = line.Split(' ', 4);
            var parameter = command.CreateParameter();
            parameter.ParameterName = parts[2];
            parameter.Value = long.TryParse(parts[3], out var number) ? number : parts[3].Trim('\'');
            command.Parameters.Add(parameter);
        }
        command.CommandText = "EXPLAIN QUERY PLAN " + string.Join('\n', sql);
        var plan = new List<string>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync()) plan.Add(reader.GetString(3));
        return string.Join('\n', plan);
    }
}
