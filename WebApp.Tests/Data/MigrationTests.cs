using Microsoft.EntityFrameworkCore;
using WebApp.Catalog;
using WebApp.Tests.Infrastructure;

namespace WebApp.Tests.Data;

public class MigrationTests : IDisposable
{
    private readonly WebAppFactory _factory = new();

    public void Dispose() => _factory.Dispose();

    [Fact]
    public async Task The_model_has_no_changes_missing_from_the_migrations()
    {
        var pending = await _factory.WithDbAsync(db => Task.FromResult(db.Database.HasPendingModelChanges()));
        Assert.False(pending, "The model differs from the last migration: run tools/add-migration.sh NAME");
    }

    [Fact]
    public async Task Migrating_an_empty_database_applies_every_migration()
    {
        var (applied, all) = await _factory.WithDbAsync(async db =>
            ((await db.Database.GetAppliedMigrationsAsync()).ToList(), db.Database.GetMigrations().ToList()));
        Assert.NotEmpty(all);
        Assert.Equal(all, applied);
    }

    [Fact]
    public async Task Money_sorts_compares_and_sums_exactly()
    {
        await _factory.WithDbAsync(async db =>
        {
            var category = new Category { Name = "Money", Slug = "money" };
            db.Products.AddRange(
                new Product { Name = "Nine", Slug = "nine", Sku = "M-9", Price = 9.99m, Category = category },
                new Product { Name = "Ten", Slug = "ten", Sku = "M-10", Price = 10.00m, Category = category },
                new Product { Name = "Hundred", Slug = "hundred", Sku = "M-100", Price = 100.10m, Category = category },
                new Product { Name = "Cents", Slug = "cents", Sku = "M-0", Price = 0.01m, Category = category });
            await db.SaveChangesAsync();
        });

        await _factory.WithDbAsync(async db =>
        {
            var byPrice = await db.Products.OrderBy(p => p.Price).Select(p => p.Price).ToListAsync();
            Assert.Equal([0.01m, 9.99m, 10.00m, 100.10m], byPrice);
            var descending = await db.Products.OrderByDescending(p => p.Price).Select(p => p.Name).FirstAsync();
            Assert.Equal("Hundred", descending);
            var between = await db.Products.Where(p => p.Price >= 9.995m && p.Price < 100.10m).Select(p => p.Name).ToListAsync();
            Assert.Equal(["Ten"], between);
            Assert.Equal(120.10m, await db.Products.SumAsync(p => p.Price));
        });
    }
}
