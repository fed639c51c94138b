using Microsoft.EntityFrameworkCore;
using WebApp.Catalog;
using WebApp.Data;
using WebApp.Data.Providers.SqlServer;
using WebApp.Tests.Infrastructure;

namespace WebApp.Tests.Data.Providers;

/// <summary>A save refused by a unique index is recognised by the engine's error code, and the index is named.</summary>
public sealed class UniqueViolationTests : IDisposable
{
    private readonly WebAppFactory _factory = new();

    public void Dispose() => _factory.Dispose();

    [Fact]
    public async Task A_duplicate_sku_is_reported_as_the_sku_index()
    {
        var catalog = new CatalogBuilder();
        catalog.Product("First", sku: "SAME-1");
        await catalog.SaveAsync(_factory);

        var error = await Assert.ThrowsAsync<DbUpdateException>(() => _factory.WithDbAsync(async db =>
        {
            var categoryId = await db.Categories.Select(c => c.Id).FirstAsync();
            db.Products.Add(new Product { Name = "Second", Slug = "second", Sku = "SAME-1", Price = 1m, CategoryId = categoryId });
            await db.SaveChangesAsync();
        }));

        var violation = DatabaseProviders.UniqueViolation(error);
        Assert.NotNull(violation);
        var skuIndex = await _factory.WithDbAsync(db => Task.FromResult(
            db.Model.FindEntityType(typeof(Product))!.GetIndexes().Single(i => i.IsUnique && i.Properties.Single().Name == "Sku").GetDatabaseName()));
        Assert.True(violation.IndexName == skuIndex || violation.Columns.SequenceEqual(["Sku"]), $"Reported {violation}.");
    }

    [Fact]
    public async Task Other_failures_are_not_unique_violations()
    {
        var error = await Assert.ThrowsAsync<DbUpdateException>(() => _factory.WithDbAsync(async db =>
        {
            db.Products.Add(new Product { Name = "Orphan", Slug = "orphan", Sku = "ORPHAN-1", Price = 1m, CategoryId = 424242 });
            await db.SaveChangesAsync();
        }));

        Assert.Null(DatabaseProviders.UniqueViolation(error));
    }

    [Theory]
    [InlineData("Cannot insert duplicate key row in object 'dbo.Products' with unique index 'IX_Products_Sku'. The duplicate key value is (A-1).", "IX_Products_Sku")]
    [InlineData("Violation of UNIQUE KEY constraint 'UQ_Things_Code'. Cannot insert duplicate key in object 'dbo.Things'.", "UQ_Things_Code")]
    [InlineData("Violation of PRIMARY KEY constraint 'PK_Tags'. Cannot insert duplicate key in object 'dbo.Tags'.", "PK_Tags")]
    public void SqlServer_messages_name_the_index(string message, string index) =>
        Assert.Equal(index, SqlServerUniqueViolations.Parse(message).IndexName);
}
