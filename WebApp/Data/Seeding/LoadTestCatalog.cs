using System.Data.Common;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Storage;
using WebApp.Accounts;
using WebApp.Catalog;
using WebApp.Media;
using WebApp.Orders;

namespace WebApp.Data.Seeding;

/// <summary>
/// The generated catalog that load tests run on. The rule is fixed, because other systems are measured on the very
/// same data: change nothing here without changing them too. Ids are explicit so that every run gives equal rows.
/// </summary>
internal static class LoadTestCatalog
{
    public const int CategoryCount = 20;
    public const int SeedUserCount = 5;
    public const int MaxProducts = 10_000_000;

    private static readonly DateTime Epoch = new(2025, 1, 1, 0, 0, 0, DateTimeKind.Utc);

    public static string SeedUserEmail(int k) => $"seed-user-{k}@example.com";

    public static Category Category(int c) => new()
    {
        Id = c + 1,
        Name = $"Category {c:00}",
        Slug = $"category-{c:00}",
    };

    public static Product Product(int i) => new()
    {
        Id = i + 1,
        Name = $"Product {i:00000}",
        Slug = $"product-{i:00000}",
        Sku = $"SKU-{i:00000}",
        Description = "A fine product.",
        Price = i * 37L % 100_000 / 100m + 1m,
        Stock = i % 50,
        IsActive = i % 10 != 0,
        CategoryId = i % CategoryCount + 1,
        CreatedAt = Epoch.AddMinutes(i),
        UpdatedAt = Epoch.AddMinutes(i),
    };

    public static int ReviewCount(int i) => i % 5;

    /// <summary>Product <paramref name="i"/>'s one (primary) image: its category's card.</summary>
    public static ProductImage ProductImage(int i, Product product, ImageUploadResult card) => new()
    {
        Id = i + 1,
        ProductId = product.Id,
        ImageKey = card.Key!,
        Width = card.Width,
        Height = card.Height,
        AltText = $"Picture of {product.Name}",
        IsPrimary = true,
    };

    /// <param name="k">The review's number within its product, from 0.</param>
    public static Review Review(int reviewId, int i, Product product, int k, IReadOnlyList<string> seedUserIds) => new()
    {
        Id = reviewId,
        ProductId = product.Id,
        AuthorId = seedUserIds[k % SeedUserCount],
        Rating = 1 + k % 5,
        IsApproved = k % 2 == 0,
        CreatedAt = product.CreatedAt.AddSeconds(k),
        Title = $"Review {k} of Product {i:00000}",
        Body = "Seeded review.",
    };

    public sealed record Summary(int Categories, long Products, long Reviews, TimeSpan Elapsed);

    /// <summary>
    /// Replaces categories, tags, products and reviews with the generated catalog in one transaction. Users and orders
    /// stay, so this refuses when order lines refer to products. The seed users are made first if missing.
    /// </summary>
    /// <param name="progress">Told the number of products written so far, every 100,000 and at the end.</param>
    public static async Task<Summary> ReplaceCatalogAsync(
        AppDbContext db, UserManager<ApplicationUser> users, ImageUploads images, int productCount, Action<long> progress,
        CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(productCount);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(productCount, MaxProducts);
        var stopwatch = System.Diagnostics.Stopwatch.StartNew();

        await EnsureNoOrderLinesAsync(db, cancellationToken);
        var seedUserIds = await EnsureSeedUsersAsync(users);
        // One picture per category, shared by its products: twenty pictures to draw, however many products.
        var categoryImages = new List<ImageUploadResult>(CategoryCount);
        for (var c = 0; c < CategoryCount; c++)
            categoryImages.Add(await DemoImages.StoreCardAsync(images, Category(c).Name, cancellationToken));

        await db.Database.OpenConnectionAsync(cancellationToken);
        try
        {
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            var dbTransaction = transaction.GetDbTransaction();
            // Again inside the transaction: an order placed meanwhile must not lose its products.
            await EnsureNoOrderLinesAsync(db, cancellationToken);
            var searchIndex = await db.Provider().ProductSearchIndex.BeginBulkLoadAsync(db, dbTransaction, cancellationToken);
            await DeleteCatalogAsync(db, dbTransaction, cancellationToken);

            await using (var categories = new BulkInserter<Category>(db, dbTransaction))
            {
                for (var c = 0; c < CategoryCount; c++)
                    await categories.AddAsync(Category(c), cancellationToken);
                await categories.CompleteAsync(cancellationToken);
            }

            await using var products = new BulkInserter<Product>(db, dbTransaction);
            await using var reviews = new BulkInserter<Review>(db, dbTransaction);
            await using var productImages = new BulkInserter<ProductImage>(db, dbTransaction);
            var reviewId = 0;
            // One statement's worth of products at a time, written before their reviews that refer to them.
            var batch = new List<(int Number, Product Product)>(products.RowsPerStatement);
            for (var start = 0; start < productCount; start += products.RowsPerStatement)
            {
                batch.Clear();
                for (var i = start; i < Math.Min(start + products.RowsPerStatement, productCount); i++)
                {
                    var product = Product(i);
                    batch.Add((i, product));
                    await products.AddAsync(product, cancellationToken);
                    if ((i + 1) % 100_000 == 0)
                        progress(i + 1);
                }
                await products.FlushAsync(cancellationToken);
                foreach (var (i, product) in batch)
                {
                    await productImages.AddAsync(ProductImage(i, product, categoryImages[product.CategoryId - 1]), cancellationToken);
                    for (var k = 0; k < ReviewCount(i); k++)
                        await reviews.AddAsync(Review(++reviewId, i, product, k, seedUserIds), cancellationToken);
                }
            }
            await products.CompleteAsync(cancellationToken);
            await reviews.CompleteAsync(cancellationToken);
            await productImages.CompleteAsync(cancellationToken);
            if (searchIndex is not null) await searchIndex.CompleteAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            if (productCount % 100_000 != 0)
                progress(productCount);

            return new Summary(CategoryCount, products.Inserted, reviews.Inserted, stopwatch.Elapsed);
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    private static async Task EnsureNoOrderLinesAsync(AppDbContext db, CancellationToken cancellationToken)
    {
        var lines = await db.OrderLines.CountAsync(cancellationToken);
        if (lines > 0)
        {
            var lineCount = lines == 1 ? "1 order line refers" : $"{lines:N0} order lines refer";
            throw new CatalogInUseException(
                $"The catalog cannot be replaced: {lineCount} to its products. Seed an empty database, or delete the orders first.");
        }
    }

    /// <summary>The seed users' ids by number; made without a password, so nobody can log in as them.</summary>
    private static async Task<IReadOnlyList<string>> EnsureSeedUsersAsync(UserManager<ApplicationUser> users)
    {
        var ids = new List<string>(SeedUserCount);
        for (var k = 0; k < SeedUserCount; k++)
        {
            var email = SeedUserEmail(k);
            var user = await users.FindByEmailAsync(email);
            if (user is null)
            {
                user = new ApplicationUser { UserName = email, Email = email, EmailConfirmed = true, DisplayName = $"Seed user {k}" };
                var result = await users.CreateAsync(user);
                if (!result.Succeeded)
                {
                    throw new InvalidOperationException(
                        $"Could not create {email}: {string.Join(" ", result.Errors.Select(e => e.Description))}");
                }
            }
            ids.Add(user.Id);
        }
        return ids;
    }

    private static async Task DeleteCatalogAsync(AppDbContext db, DbTransaction transaction, CancellationToken cancellationToken)
    {
        var productTags = db.Model.FindEntityType(typeof(Product))!.FindSkipNavigation(nameof(WebApp.Catalog.Product.Tags))!.JoinEntityType;
        var helper = db.GetService<ISqlGenerationHelper>();
        // Children before parents, so that no foreign key is ever broken.
        foreach (var entityType in new[]
                 {
                     db.Model.FindEntityType(typeof(Review))!,
                     db.Model.FindEntityType(typeof(ProductImage))!,
                     productTags,
                     db.Model.FindEntityType(typeof(Product))!,
                     db.Model.FindEntityType(typeof(Tag))!,
                     db.Model.FindEntityType(typeof(Category))!,
                 })
        {
            await using var command = db.Database.GetDbConnection().CreateCommand();
            command.Transaction = transaction;
            command.CommandText = $"DELETE FROM {helper.DelimitIdentifier(entityType.GetTableName()!, entityType.GetSchema())};";
            await command.ExecuteNonQueryAsync(cancellationToken);
        }
    }
}

/// <summary>Orders refer to the catalog's products, so it cannot be replaced.</summary>
internal sealed class CatalogInUseException(string message) : Exception(message);
