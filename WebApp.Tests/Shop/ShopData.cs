using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using WebApp.Accounts;
using WebApp.Catalog;
using WebApp.Mail;
using WebApp.Orders;
using WebApp.Tests.Infrastructure;

namespace WebApp.Tests.Shop;

/// <summary>Builders for the shop's test data; every name is unique so tests can share one app.</summary>
public static class ShopData
{
    public const string Password = "Shop-Passw0rd!";

    // Hashing is slow on purpose; one hash serves every test customer.
    private static readonly Lazy<string> PasswordHash =
        new(() => new PasswordHasher<ApplicationUser>().HashPassword(new ApplicationUser(), Password));

    public static string Unique() => Guid.NewGuid().ToString("N")[..10];

    public static async Task<Product> CreateProductAsync(
        this WebAppFactory factory, string? name = null, decimal price = 10m, int stock = 10, bool isActive = true)
    {
        var id = Unique();
        var product = new Product
        {
            Name = name ?? $"Product {id}",
            Slug = $"product-{id}",
            Sku = $"SKU-{id}".ToUpperInvariant(),
            Price = price,
            Stock = stock,
            IsActive = isActive,
            Category = new Category { Name = $"Category {id}", Slug = $"category-{id}" },
        };
        await factory.WithDbAsync(async db =>
        {
            db.Products.Add(product);
            await db.SaveChangesAsync();
        });
        product.Category = null;
        return product;
    }

    public static async Task<ApplicationUser> CreateCustomerAsync(this WebAppFactory factory, string? email = null)
    {
        factory.EnsureMigrated();
        email ??= $"customer-{Unique()}@example.com";
        await using var scope = factory.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        var user = new ApplicationUser
        {
            UserName = email,
            Email = email,
            EmailConfirmed = true,
            PasswordHash = PasswordHash.Value,
            DateJoined = DateTime.UtcNow,
        };
        var result = await users.CreateAsync(user);
        Assert.True(result.Succeeded, string.Join("; ", result.Errors.Select(e => e.Description)));
        return user;
    }

    /// <summary>An API token for the user, made by the same service as the account page.</summary>
    public static async Task<string> ApiTokenAsync(this WebAppFactory factory, string userId)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        return (await scope.ServiceProvider.GetRequiredService<WebApp.Api.Tokens.ApiTokenService>()
            .CreateAsync(userId, "test", null, CancellationToken.None)).Secret;
    }

    public static Task<int> StockOfAsync(this WebAppFactory factory, int productId) =>
        factory.WithDbAsync(db => db.Products.Where(p => p.Id == productId).Select(p => p.Stock).SingleAsync());

    public static Task SetProductAsync(this WebAppFactory factory, int productId, Action<Product> change) =>
        factory.WithDbAsync(async db =>
        {
            change(await db.Products.SingleAsync(p => p.Id == productId));
            await db.SaveChangesAsync();
        });

    public static Task<List<Order>> OrdersOfAsync(this WebAppFactory factory, string customerId) =>
        factory.WithDbAsync(db => db.Orders.Include(o => o.Lines).Include(o => o.StatusChanges)
            .Where(o => o.CustomerId == customerId).AsSplitQuery().AsNoTracking().ToListAsync());

    public static Task<List<OutboxMessage>> OutboxForAsync(this WebAppFactory factory, string email) =>
        factory.WithDbAsync(db => db.Set<OutboxMessage>().Where(m => m.To == email).OrderBy(m => m.Id).AsNoTracking().ToListAsync());

    /// <summary>An order written straight to the database (for the orders pages and the workflow), stock already taken.</summary>
    public static async Task<Order> CreateOrderAsync(
        this WebAppFactory factory, ApplicationUser customer, Product product, int quantity = 1,
        OrderStatus status = OrderStatus.Pending, DateTime? createdAt = null)
    {
        var order = new Order
        {
            Number = OrderNumbers.New(),
            CustomerId = customer.Id,
            Status = status,
            ContactEmail = customer.Email!,
            ShippingName = "Ada Lovelace",
            ShippingAddressLine1 = "1 Analytical Street",
            ShippingCity = "London",
            ShippingPostalCode = "N1 9GU",
            ShippingCountry = "United Kingdom",
            Subtotal = product.Price * quantity,
            Total = product.Price * quantity,
            CreatedAt = createdAt ?? DateTime.UtcNow,
            Lines =
            [
                new OrderLine
                {
                    ProductId = product.Id, ProductName = product.Name, ProductSku = product.Sku,
                    UnitPrice = product.Price, Quantity = quantity,
                },
            ],
        };
        await factory.WithDbAsync(async db =>
        {
            db.Orders.Add(order);
            await db.SaveChangesAsync();
        });
        order.Lines.ForEach(l => l.Order = null);
        return order;
    }
}
