using Microsoft.EntityFrameworkCore;
using WebApp.Catalog;
using WebApp.Data;
using WebApp.Data.Providers;
using WebApp.Data.Providers.Postgres;
using WebApp.Data.Providers.Sqlite;
using WebApp.Data.Providers.SqlServer;
using WebApp.Tests.Infrastructure;

namespace WebApp.Tests.Data.Providers;

/// <summary>Case-insensitive LIKE with the searched text taken literally, on the engine the suite runs on.</summary>
public sealed class TextMatchingTests : IDisposable
{
    private readonly WebAppFactory _factory = new();

    public void Dispose() => _factory.Dispose();

    [Theory]
    [InlineData("abc", "%abc%", "%abc%", "%abc%")]
    [InlineData("50%", "%50\\%%", "%50\\%%", "%50\\%%")]
    [InlineData("a_b", "%a\\_b%", "%a\\_b%", "%a\\_b%")]
    [InlineData("c:\\x", "%c:\\\\x%", "%c:\\\\x%", "%c:\\\\x%")]
    [InlineData("[ab]", "%[ab]%", "%[ab]%", "%\\[ab]%")]
    public void Patterns_escape_each_engines_wildcards(string text, string sqlite, string postgres, string sqlServer)
    {
        Assert.Equal(sqlite, new SqliteTextMatching().Pattern(text, TextMatch.Contains));
        Assert.Equal(postgres, new PostgresTextMatching().Pattern(text, TextMatch.Contains));
        Assert.Equal(sqlServer, new SqlServerTextMatching().Pattern(text, TextMatch.Contains));
    }

    [Fact]
    public void Starts_with_puts_the_wildcard_at_the_end_only() =>
        Assert.Equal("50\\%%", new SqlServerTextMatching().Pattern("50%", TextMatch.StartsWith));

    [Theory]
    [InlineData("shoe", new[] { "Red SHOE", "shoelace" })]
    [InlineData("SHOE", new[] { "Red SHOE", "shoelace" })]
    [InlineData("50%", new[] { "50% off" })]
    [InlineData("a_b", new[] { "a_b" })]
    [InlineData("[x]", new[] { "[x] marks" })]
    [InlineData("c:\\", new[] { "c:\\temp" })]
    public async Task Contains_ignores_case_and_takes_wildcards_literally(string text, string[] expected)
    {
        var catalog = new CatalogBuilder();
        foreach (var name in new[] { "Red SHOE", "shoelace", "50% off", "500 off", "a_b", "axb", "[x] marks", "x marks", "c:\\temp", "c:temp" })
            catalog.Product(name);
        await catalog.SaveAsync(_factory);

        var found = await _factory.WithDbAsync(db => db.Products
            .Where(db.Provider().TextMatching.ContainsInAny<Product>(text, p => p.Name))
            .OrderBy(p => p.Name).Select(p => p.Name).ToListAsync());

        Assert.Equal(expected.Order(StringComparer.Ordinal), found.Order(StringComparer.Ordinal));
    }
}
