using Microsoft.EntityFrameworkCore;
using WebApp.Accounts;
using WebApp.Catalog;
using WebApp.Data;
using WebApp.Orders;
using WebApp.Tests.Infrastructure;

namespace WebApp.Tests.Management;

public class SeedCommandTests : IDisposable
{
    private static readonly DateTime Epoch = new(2025, 1, 1, 0, 0, 0, DateTimeKind.Utc);
    private readonly WebAppFactory _factory = new();

    public SeedCommandTests() => _factory.EnsureMigrated();

    public void Dispose() => _factory.Dispose();

    private Task<CommandResult> SeedAsync(int products) =>
        CommandRunner.RunAsync(_factory.Services, ["seed", "--products", products.ToString(System.Globalization.CultureInfo.InvariantCulture)]);

    [Fact]
    public async Task Each_seeded_product_has_its_category_s_picture_drawn_once_per_category()
    {
        Assert.Equal(0, (await SeedAsync(100)).ExitCode);
        Assert.Equal(0, (await SeedAsync(50)).ExitCode);

        await _factory.WithDbAsync(async db =>
        {
            var images = await db.ProductImages.Include(i => i.Product).ToListAsync();
            Assert.Equal(50, images.Count);
            Assert.All(images, i => Assert.True(i.IsPrimary && i.AltText == $"Picture of {i.Product!.Name}"));
            Assert.Equal(20, images.Select(i => i.ImageKey).Distinct().Count());
            Assert.Equal([1], images.GroupBy(i => i.Product!.CategoryId).Select(g => g.Select(i => i.ImageKey).Distinct().Count()).Distinct());
            foreach (var key in images.Select(i => i.ImageKey).Distinct())
            {
                foreach (var width in new[] { 160, 320, 640 })
                    Assert.Equal(width, TestImages.Inspect(File.ReadAllBytes(Path.Combine(_factory.MediaDirectory, $"{key}-{width}.jpg"))).Width);
            }
        });
    }

    [Fact]
    public async Task Seeding_100_products_follows_the_load_test_rule_exactly()
    {
        var result = await SeedAsync(100);

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains("Seeded 20 categories, 100 products and 200 reviews", result.Output);
        await _factory.WithDbAsync(async db =>
        {
            Assert.Equal(100, await db.Products.CountAsync());
            Assert.Equal(200, await db.Reviews.CountAsync());
            Assert.Equal(0, await db.Tags.CountAsync());
            var categories = await db.Categories.OrderBy(c => c.Name).Select(c => new { c.Name, c.Slug }).ToListAsync();
            Assert.Equal(Enumerable.Range(0, 20).Select(c => new { Name = $"Category {c:00}", Slug = $"category-{c:00}" }), categories);

            var product = await db.Products.Include(p => p.Category)
                .Include(p => p.Reviews.OrderBy(r => r.CreatedAt)).ThenInclude(r => r.Author)
                .SingleAsync(p => p.Slug == "product-00037");
            Assert.Equal("Product 00037", product.Name);
            Assert.Equal("SKU-00037", product.Sku);
            Assert.Equal("A fine product.", product.Description);
            Assert.Equal(14.69m, product.Price);
            Assert.Equal(37, product.Stock);
            Assert.True(product.IsActive);
            Assert.Equal("Category 17", product.Category!.Name);
            Assert.Equal(Epoch.AddMinutes(37), product.CreatedAt);
            Assert.Equal(DateTimeKind.Utc, product.CreatedAt.Kind);
            Assert.Equal(product.CreatedAt, product.UpdatedAt);

            Assert.Collection(product.Reviews,
                first =>
                {
                    Assert.Equal(1, first.Rating);
                    Assert.True(first.IsApproved);
                    Assert.Equal("seed-user-0@example.com", first.Author!.Email);
                    Assert.Equal(product.CreatedAt, first.CreatedAt);
                    Assert.Equal("Review 0 of Product 00037", first.Title);
                    Assert.Equal("Seeded review.", first.Body);
                },
                second =>
                {
                    Assert.Equal(2, second.Rating);
                    Assert.False(second.IsApproved);
                    Assert.Equal("seed-user-1@example.com", second.Author!.Email);
                    Assert.Equal(product.CreatedAt.AddSeconds(1), second.CreatedAt);
                    Assert.Equal("Review 1 of Product 00037", second.Title);
                });

            var inactive = await db.Products.Where(p => !p.IsActive).OrderBy(p => p.Name).Select(p => p.Name).ToListAsync();
            Assert.Equal(Enumerable.Range(0, 10).Select(n => $"Product {n * 10:00000}"), inactive);
            Assert.Contains("Product 00000", inactive);
            Assert.Contains("Product 00020", inactive);

            // The whole rule, for every product.
            var products = await db.Products.Include(p => p.Category).Include(p => p.Reviews).OrderBy(p => p.Sku).ToListAsync();
            for (var i = 0; i < 100; i++)
            {
                var p = products[i];
                Assert.Equal($"Product {i:00000}", p.Name);
                Assert.Equal(i * 37 % 100_000 / 100m + 1, p.Price);
                Assert.Equal(i % 50, p.Stock);
                Assert.Equal(i % 10 != 0, p.IsActive);
                Assert.Equal($"Category {i % 20:00}", p.Category!.Name);
                Assert.Equal(Epoch.AddMinutes(i), p.CreatedAt);
                Assert.Equal(i % 5, p.Reviews.Count);
                Assert.Equal(Enumerable.Range(1, i % 5), p.Reviews.OrderBy(r => r.CreatedAt).Select(r => r.Rating));
            }

            var seedUsers = await db.Users.Where(u => u.Email!.StartsWith("seed-user-")).OrderBy(u => u.Email).ToListAsync();
            Assert.Equal(Enumerable.Range(0, 5).Select(k => $"seed-user-{k}@example.com"), seedUsers.Select(u => u.Email));
            Assert.All(seedUsers, u => Assert.False(u.IsStaff || u.IsSuperuser));
            Assert.All(seedUsers, u => Assert.Null(u.PasswordHash));
        });
    }

    [Fact]
    public async Task Seeding_twice_gives_the_same_rows()
    {
        Assert.Equal(0, (await SeedAsync(60)).ExitCode);
        var first = await _factory.WithDbAsync(SnapshotAsync);
        Assert.Equal(0, (await SeedAsync(60)).ExitCode);
        var second = await _factory.WithDbAsync(SnapshotAsync);

        Assert.Equal(first, second);
        Assert.Equal(5, await _factory.WithDbAsync(db => db.Users.CountAsync()));
    }

    private static async Task<List<string>> SnapshotAsync(AppDbContext db) =>
    [
        .. await db.Categories.OrderBy(c => c.Id).Select(c => $"{c.Id}|{c.Name}|{c.Slug}|{c.Description}").ToListAsync(),
        .. (await db.Products.OrderBy(p => p.Id).ToListAsync()).Select(p =>
            $"{p.Id}|{p.Name}|{p.Slug}|{p.Sku}|{p.Description}|{p.Price}|{p.Stock}|{p.IsActive}|{p.CategoryId}|{p.CreatedAt:O}|{p.UpdatedAt:O}"),
        .. (await db.Reviews.OrderBy(r => r.Id).Select(r => new { r, r.Author!.Email }).ToListAsync()).Select(x =>
            $"{x.r.Id}|{x.r.ProductId}|{x.Email}|{x.r.Rating}|{x.r.Title}|{x.r.Body}|{x.r.IsApproved}|{x.r.CreatedAt:O}"),
    ];

    [Fact]
    public async Task After_a_seed_new_rows_get_keys_past_the_seeded_ones()
    {
        Assert.Equal(0, (await SeedAsync(40)).ExitCode);
        var (added, largest) = await _factory.WithDbAsync(async db =>
        {
            var category = await db.Categories.OrderBy(c => c.Id).FirstAsync();
            var product = new Product { Name = "Added later", Slug = "added-later", Sku = "ADDED-1", Price = 1m, CategoryId = category.Id };
            db.Products.Add(product);
            db.Categories.Add(new Category { Name = "Added later", Slug = "added-later" });
            await db.SaveChangesAsync();
            return (product.Id, await db.Products.Where(p => p.Id != product.Id).MaxAsync(p => p.Id));
        });
        Assert.True(added > largest, $"The new product got key {added}, the seed went up to {largest}.");
    }

    /// <summary>typeof() shows SQLite's storage classes: money as integer cents, like EF's own writes.</summary>
    [Fact]
    public async Task Seeded_rows_are_stored_exactly_as_EF_stores_them_on_Sqlite()
    {
        Assert.Equal(0, (await SeedAsync(40)).ExitCode);
        await _factory.WithDbAsync(async db =>
        {
            var seeded = await db.Products.AsNoTracking().SingleAsync(p => p.Id == 38);
            var review = await db.Reviews.AsNoTracking().SingleAsync(r => r.ProductId == 38 && r.Rating == 2);
            var copy = new Product
            {
                Id = 1000, Name = "Copy", Slug = "copy", Sku = "COPY", Description = seeded.Description, Price = seeded.Price,
                Stock = seeded.Stock, IsActive = seeded.IsActive, CategoryId = seeded.CategoryId,
                CreatedAt = seeded.CreatedAt, UpdatedAt = seeded.UpdatedAt,
            };
            db.Products.Add(copy);
            db.Reviews.Add(new Review
            {
                Id = 1000, Product = copy, AuthorId = review.AuthorId, Rating = review.Rating, Title = review.Title,
                Body = review.Body, IsApproved = review.IsApproved, CreatedAt = review.CreatedAt,
            });
            await db.SaveChangesAsync();
        });

        await _factory.WithDbAsync(async db =>
        {
            const string productColumns = """
                SELECT "Description", "Price", typeof("Price"), "Stock", "IsActive", typeof("IsActive"), "CategoryId",
                       "CreatedAt", typeof("CreatedAt"), "UpdatedAt", typeof("UpdatedAt") FROM "Products" WHERE "Id" = 
                """;
            Assert.Equal(await RawRowAsync(db, productColumns + "1000"), await RawRowAsync(db, productColumns + "38"));
            var seededPrice = await RawRowAsync(db, productColumns + "38");
            Assert.Equal(("1469", "integer"), (seededPrice[1], seededPrice[2]));

            const string reviewColumns = """
                SELECT "AuthorId", "Rating", "Title", "Body", "IsApproved", typeof("IsApproved"), "CreatedAt", typeof("CreatedAt")
                FROM "Reviews" WHERE "Id" = 
                """;
            var seededReviewId = await db.Reviews.Where(r => r.ProductId == 38 && r.Rating == 2).Select(r => r.Id).SingleAsync();
            Assert.Equal(await RawRowAsync(db, reviewColumns + "1000"), await RawRowAsync(db, reviewColumns + seededReviewId));
        });
    }

    private static async Task<string?[]> RawRowAsync(AppDbContext db, string sql)
    {
        await db.Database.OpenConnectionAsync();
        try
        {
            await using var command = db.Database.GetDbConnection().CreateCommand();
            command.CommandText = sql;
            await using var reader = await command.ExecuteReaderAsync();
            Assert.True(await reader.ReadAsync(), "No row for " + sql);
            return [.. Enumerable.Range(0, reader.FieldCount).Select(i => reader.IsDBNull(i) ? null : Convert.ToString(reader.GetValue(i), System.Globalization.CultureInfo.InvariantCulture))];
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    [Fact]
    public async Task The_old_catalog_is_replaced_but_users_and_orders_without_lines_stay()
    {
        var customerId = await _factory.WithDbAsync(async db =>
        {
            var customer = new ApplicationUser { UserName = "buyer@example.com", Email = "buyer@example.com" };
            var tag = new Tag { Name = "Old", Slug = "old" };
            var product = new Product
            {
                Name = "Old thing", Slug = "old-thing", Sku = "OLD-1", Price = 5m,
                Category = new Category { Name = "Old", Slug = "old" }, Tags = [tag],
            };
            db.AddRange(customer, product);
            db.Reviews.Add(new Review { Product = product, Author = customer, Rating = 4, Title = "Fine", Body = "Fine." });
            db.Orders.Add(NewOrder(customer));
            await db.SaveChangesAsync();
            return customer.Id;
        });

        var result = await SeedAsync(10);

        Assert.True(result.ExitCode == 0, result.ToString());
        await _factory.WithDbAsync(async db =>
        {
            Assert.False(await db.Products.AnyAsync(p => p.Name == "Old thing"));
            Assert.False(await db.Categories.AnyAsync(c => c.Name == "Old"));
            Assert.Equal(0, await db.Tags.CountAsync());
            Assert.Equal(0, await db.Products.CountAsync(p => p.Tags.Any()));
            Assert.Equal(10, await db.Products.CountAsync());
            Assert.True(await db.Users.AnyAsync(u => u.Id == customerId));
            Assert.Equal(1, await db.Orders.CountAsync());
        });
    }

    [Fact]
    public async Task Order_lines_that_refer_to_products_stop_the_seed_and_nothing_changes()
    {
        await _factory.WithDbAsync(async db =>
        {
            var customer = new ApplicationUser { UserName = "buyer@example.com", Email = "buyer@example.com" };
            var product = new Product { Name = "Sold thing", Slug = "sold-thing", Sku = "SOLD-1", Price = 5m, Category = new Category { Name = "Sold", Slug = "sold" } };
            var order = NewOrder(customer);
            order.Lines.Add(new OrderLine { Product = product, ProductName = product.Name, ProductSku = product.Sku, UnitPrice = 5m, Quantity = 1 });
            db.AddRange(customer, product, order);
            await db.SaveChangesAsync();
        });

        var result = await SeedAsync(10);

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("1 order line refers to its products", result.Error);
        await _factory.WithDbAsync(async db =>
        {
            Assert.Equal(["Sold thing"], await db.Products.Select(p => p.Name).ToListAsync());
            Assert.Equal(["Sold"], await db.Categories.Select(c => c.Name).ToListAsync());
            Assert.Equal(1, await db.Users.CountAsync());
        });
    }

    private static Order NewOrder(ApplicationUser customer) => new()
    {
        Number = "WA-000001", Customer = customer, ContactEmail = customer.Email!, ShippingName = "B. Buyer",
        ShippingAddressLine1 = "1 High Street", ShippingCity = "Springfield", ShippingPostalCode = "12345",
        ShippingCountry = "Testland", Subtotal = 5m, Total = 5m,
    };
}
