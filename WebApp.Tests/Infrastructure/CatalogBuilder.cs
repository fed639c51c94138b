using WebApp.Accounts;
using Microsoft.Extensions.DependencyInjection;
using WebApp.Catalog;

namespace WebApp.Tests.Infrastructure;

/// <summary>
/// Catalog rows for a test: categories, products, tags, users, reviews and product images, with every required field filled in
/// and saved together. Products are created one minute apart, so "newest" is the last one built.
/// </summary>
public sealed class CatalogBuilder
{
    public static readonly DateTime FirstCreatedAt = new(2026, 1, 1, 9, 0, 0, DateTimeKind.Utc);

    private readonly List<Category> _categories = [];
    private readonly List<Product> _products = [];
    private readonly List<ApplicationUser> _users = [];
    private readonly List<Review> _reviews = [];
    private readonly List<ProductImage> _images = [];
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

    /// <summary>A picture of <paramref name="product"/>, stored in the app's media store (every size) when saved.</summary>
    public ProductImage Image(Product product, string altText, int width = 800, int height = 600, bool primary = true, int sortOrder = 0)
    {
        var image = new ProductImage { Product = product, AltText = altText, Width = width, Height = height, IsPrimary = primary, SortOrder = sortOrder };
        _images.Add(image);
        return image;
    }

    /// <summary>Saves everything built so far; the entities get their database ids.</summary>
    public Task SaveAsync(WebAppFactory factory) => factory.WithDbAsync(async db =>
    {
        var uploads = factory.Services.GetRequiredService<global::WebApp.Media.ImageUploads>();
        foreach (var image in _images)
        {
            var stored = await uploads.StoreAsync(new MemoryStream(TestImages.Png(image.Width, image.Height)), CancellationToken.None);
            (image.ImageKey, image.Width, image.Height) = (stored.Key!, stored.Width, stored.Height);
        }
        db.ProductImages.AddRange(_images);
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
