using Microsoft.EntityFrameworkCore;
using WebApp.Accounts;
using WebApp.Admin;
using WebApp.Catalog;
using WebApp.Orders;
using WebApp.Tests.Infrastructure;

namespace WebApp.Tests.Api;

/// <summary>Catalog and order rows for API tests; names are unique, so tests can share one app and its database.</summary>
public static class ApiTestData
{
    public static string Unique() => Guid.NewGuid().ToString("N")[..10];

    public static async Task<Category> CreateCategoryAsync(this WebAppFactory factory, string? name = null)
    {
        var id = Unique();
        var category = new Category { Name = name ?? $"Category {id}", Slug = $"category-{id}" };
        await factory.WithDbAsync(async db =>
        {
            db.Categories.Add(category);
            await db.SaveChangesAsync();
        });
        return category;
    }

    public static async Task<Product> CreateProductAsync(
        this WebAppFactory factory, Category category, string? name = null, decimal price = 10m, bool active = true,
        string? description = null, DateTime? createdAt = null, int stock = 5, string? sku = null)
    {
        var id = Unique();
        var product = new Product
        {
            Name = name ?? $"Product {id}",
            Slug = $"product-{id}",
            Sku = sku ?? $"SKU-{id}".ToUpperInvariant(),
            Description = description,
            Price = price,
            Stock = stock,
            IsActive = active,
            CategoryId = category.Id,
            CreatedAt = createdAt ?? default,
        };
        await factory.WithDbAsync(async db =>
        {
            db.Products.Add(product);
            await db.SaveChangesAsync();
        });
        return product;
    }

    public static Task<Product?> FindProductAsync(this WebAppFactory factory, int id) =>
        factory.WithDbAsync(db => db.Products.AsNoTracking().FirstOrDefaultAsync(p => p.Id == id));

    public static Task<List<LogEntry>> HistoryOfAsync(this WebAppFactory factory, int productId) =>
        factory.WithDbAsync(db => db.Set<LogEntry>().AsNoTracking()
            .Where(e => e.ContentType == "catalog.product" && e.ObjectId == productId.ToString(System.Globalization.CultureInfo.InvariantCulture))
            .OrderBy(e => e.Id).ToListAsync());

    public static async Task<Order> CreateOrderAsync(this WebAppFactory factory, string customerId, Product product, int quantity = 1, DateTime? createdAt = null)
    {
        var order = new Order
        {
            Number = OrderNumbers.New(),
            CustomerId = customerId,
            ContactEmail = "ada@example.com",
            ShippingName = "Ada Lovelace",
            ShippingAddressLine1 = "1 Analytical Street",
            ShippingCity = "London",
            ShippingPostalCode = "N1 9GU",
            ShippingCountry = "United Kingdom",
            Subtotal = product.Price * quantity,
            Total = product.Price * quantity,
            CreatedAt = createdAt ?? DateTime.UtcNow,
            Lines = [new OrderLine { ProductId = product.Id, ProductName = product.Name, ProductSku = product.Sku, UnitPrice = product.Price, Quantity = quantity }],
            StatusChanges = [new OrderStatusChange { ToStatus = OrderStatus.Pending, Actor = "ada@example.com", ChangedAt = createdAt ?? DateTime.UtcNow }],
        };
        await factory.WithDbAsync(async db =>
        {
            db.Orders.Add(order);
            await db.SaveChangesAsync();
        });
        return order;
    }


    public static Task AddReviewAsync(this WebAppFactory factory, Product product, int rating, bool approved) =>
        factory.WithDbAsync(async db =>
        {
            var author = new ApplicationUser
            {
                UserName = $"r-{Unique()}@example.com",
                Email = $"r-{Unique()}@example.com",
                SecurityStamp = Guid.NewGuid().ToString(),
            };
            author.NormalizedUserName = author.UserName.ToUpperInvariant();
            author.NormalizedEmail = author.Email.ToUpperInvariant();
            db.Users.Add(author);
            db.Reviews.Add(new Review { ProductId = product.Id, Author = author, Rating = rating, Title = "Review", Body = "Text.", IsApproved = approved, CreatedAt = DateTime.UtcNow });
            await db.SaveChangesAsync();
        });
}
