using WebApp.Accounts;
using WebApp.Catalog;

namespace WebApp.Tests.Infrastructure;

/// <summary>
/// Catalog rows for a test: categories, products, tags, users and reviews, with every required field filled in
/// and saved together. Products are created one minute apart, so "newest" is the last one built.
/// </summary>
public sealed class CatalogBuilder
{
    public static readonly DateTime FirstCreatedAt = new(2026, 1, 1, 9, 0, 0, DateTimeKind.Utc);

    private readonly List<Category> _categories = [];
    private readonly List<Product> _products = [];
    private readonly List<ApplicationUser> _users = [];
    private readonly List<Review> _reviews = [];
    private readonly HashSet<string> _usedSlugs = [];
    private Category? _defaultCategory;

    public Category Category(string name, string? slug = null, string? description = null)
    {
        var category = new Category { Name = name, Slug = slug ?? Slugs.From(name), Description = description };
        _categories.Add(category);
        return category;
    }

    public Product Product(
        string name,
        decimal price = 10m,
        Category? category = null,
        bool active = true,
        int stock = 5,
        string? sku = null,
        string? description = null,
        DateTime? createdAt = null,
        string? slug = null)
    {
        var number = _products.Count + 1;
        var product = new Product
        {
            Name = name,
            Slug = slug ?? UniqueSlug(name, number),
            Sku = sku ?? $"TEST-{number:00000}",
            Description = description,
            Price = price,
            Stock = stock,
            IsActive = active,
            Category = category ?? (_defaultCategory ??= Category("General")),
            CreatedAt = createdAt ?? FirstCreatedAt.AddMinutes(number),
        };
        _products.Add(product);
        return product;
    }

    public Tag Tag(string name, params Product[] products)
    {
        var tag = new Tag { Name = name, Slug = Slugs.From(name) };
        foreach (var product in products) product.Tags.Add(tag);
        return tag;
    }

    public ApplicationUser User(string email, string? displayName = null)
    {
        var user = new ApplicationUser
        {
            UserName = email,
            NormalizedUserName = email.ToUpperInvariant(),
            Email = email,
            NormalizedEmail = email.ToUpperInvariant(),
            DisplayName = displayName,
            SecurityStamp = Guid.NewGuid().ToString(),
            DateJoined = FirstCreatedAt,
        };
        _users.Add(user);
        return user;
    }

    public Review Review(
        Product product, ApplicationUser author, int rating, string? title = null, string body = "Good.",
        bool approved = true, DateTime? createdAt = null)
    {
        var review = new Review
        {
            Product = product,
            Author = author,
            Rating = rating,
            Title = title ?? $"Review {_reviews.Count + 1}",
            Body = body,
            IsApproved = approved,
            CreatedAt = createdAt ?? FirstCreatedAt.AddDays(_reviews.Count + 1),
        };
        _reviews.Add(review);
        return review;
    }

    /// <summary>Saves everything built so far; the entities get their database ids.</summary>
    public Task SaveAsync(WebAppFactory factory) => factory.WithDbAsync(async db =>
    {
        db.Categories.AddRange(_categories);
        db.Users.AddRange(_users);
        db.Products.AddRange(_products);
        db.Reviews.AddRange(_reviews);
        await db.SaveChangesAsync();
    });

    private string UniqueSlug(string name, int number)
    {
        var slug = Slugs.From(name);
        if (slug.Length == 0 || !_usedSlugs.Add(slug))
        {
            slug = $"{(slug.Length == 0 ? "product" : slug)}-{number}";
            _usedSlugs.Add(slug);
        }
        return slug;
    }
}
