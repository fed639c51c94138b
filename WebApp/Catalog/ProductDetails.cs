namespace WebApp.Catalog;

/// <summary>Everything the product page shows.</summary>
internal sealed class ProductDetails
{
    public int Id { get; init; }
    public string Name { get; init; } = "";
    public string Slug { get; init; } = "";
    public string Sku { get; init; } = "";
    public string? Description { get; init; }
    public decimal Price { get; init; }
    public int Stock { get; init; }
    public string CategoryName { get; init; } = "";
    public string CategorySlug { get; init; } = "";
    public IReadOnlyList<string> Tags { get; init; } = [];
    public IReadOnlyList<Media.MediaImage> Images { get; set; } = [];
    public ReviewStatistics Reviews { get; set; } = ReviewStatistics.None;
    public IReadOnlyList<ReviewItem> LatestReviews { get; set; } = [];
}

/// <summary>Count and average rating of a product's approved reviews.</summary>
internal sealed record ReviewStatistics(int Count, double AverageRating)
{
    public static ReviewStatistics None { get; } = new(0, 0);
}

/// <summary>An approved review as the product page shows it.</summary>
internal sealed record ReviewItem(string Title, int Rating, string AuthorName, DateTime CreatedAt, string Body);
