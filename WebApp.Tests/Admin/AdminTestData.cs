using WebApp.Accounts;
using WebApp.Catalog;
using WebApp.Orders;
using WebApp.Tests.Infrastructure;

namespace WebApp.Tests.Admin;

/// <summary>Builders for the rows the admin tests work on, saved through the real context.</summary>
internal static class AdminTestData
{
    public static Task<Category> AddCategoryAsync(this WebAppFactory factory, string name, string? slug = null) =>
        factory.WithDbAsync(async db =>
        {
            var category = new Category { Name = name, Slug = slug ?? Slugs.From(name) };
            db.Categories.Add(category);
            await db.SaveChangesAsync();
            return category;
        });

    public static Task<Product> AddProductAsync(
        this WebAppFactory factory, string name, int categoryId, string? sku = null, decimal price = 10m, int stock = 10,
        bool active = true, DateTime? createdAt = null, params int[] tagIds) =>
        factory.WithDbAsync(async db =>
        {
            var product = new Product
            {
                Name = name,
                Slug = (Slugs.From(name) is { Length: > 0 } slug ? slug + "-" : "p-") + Guid.NewGuid().ToString("N")[..8],
                Sku = sku ?? "SKU-" + Guid.NewGuid().ToString("N")[..8].ToUpperInvariant(),
                Price = price,
                Stock = stock,
                IsActive = active,
                CategoryId = categoryId,
                CreatedAt = createdAt ?? default,
            };
            foreach (var tagId in tagIds) product.Tags.Add(db.Tags.Find(tagId)!);
            db.Products.Add(product);
            await db.SaveChangesAsync();
            return product;
        });

    public static Task<Tag> AddTagAsync(this WebAppFactory factory, string name) =>
        factory.WithDbAsync(async db =>
        {
            var tag = new Tag { Name = name, Slug = Slugs.From(name) };
            db.Tags.Add(tag);
            await db.SaveChangesAsync();
            return tag;
        });

    public static Task<Review> AddReviewAsync(this WebAppFactory factory, int productId, string authorId, string title, int rating = 4, bool approved = false) =>
        factory.WithDbAsync(async db =>
        {
            var review = new Review { ProductId = productId, AuthorId = authorId, Title = title, Body = "Body of " + title, Rating = rating, IsApproved = approved, CreatedAt = DateTime.UtcNow };
            db.Reviews.Add(review);
            await db.SaveChangesAsync();
            return review;
        });

    public static Task<Order> AddOrderAsync(this WebAppFactory factory, string number, ApplicationUser customer, OrderStatus status = OrderStatus.Pending, params (int ProductId, int Quantity)[] lines) =>
        factory.WithDbAsync(async db =>
        {
            var order = new Order
            {
                Number = number,
                CustomerId = customer.Id,
                Status = status,
                ContactEmail = customer.Email!,
                ShippingName = "Ada Lovelace",
                ShippingAddressLine1 = "1 Analytical Street",
                ShippingCity = "London",
                ShippingPostalCode = "N1 1AA",
                ShippingCountry = "United Kingdom",
                Subtotal = 20m,
                Total = 25m,
            };
            foreach (var (productId, quantity) in lines)
                order.Lines.Add(new OrderLine { ProductId = productId, ProductName = "Line product", ProductSku = "L-1", UnitPrice = 10m, Quantity = quantity });
            db.Orders.Add(order);
            await db.SaveChangesAsync();
            return order;
        });
}
