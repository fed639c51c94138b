using AutoMapper.QueryableExtensions;
using Microsoft.EntityFrameworkCore;
using WebApp.Catalog.Caching;
using WebApp.Data;

namespace WebApp.Catalog;

/// <summary>Reads the shop's categories and product pages; only active products are ever shown.</summary>
internal sealed class CatalogQueries(
    AppDbContext db, AutoMapper.IConfigurationProvider mapping, ProductCountCache counts, CatalogDataCache kept)
{
    public const int LatestReviewCount = 10;

    /// <summary>Every category by name, with its number of active products.</summary>
    public async Task<IReadOnlyList<CategorySummary>> CategoriesAsync(CancellationToken cancellationToken)
    {
        var categories = await db.Categories.AsNoTracking()
            .OrderBy(c => c.Name).ThenBy(c => c.Id)
            .ProjectTo<CategorySummary>(mapping)
            .ToListAsync(cancellationToken);
        var activeCounts = await ActiveProductCountsAsync(cancellationToken);
        foreach (var category in categories)
            category.ActiveProductCount = activeCounts.GetValueOrDefault(category.Id);
        return categories;
    }

    private const string CategoryLinksKey = "category-links";

    /// <summary>Every category's name and address, by name; kept until the catalog changes (every list page shows them).</summary>
    public Task<IReadOnlyList<CategoryLink>> CategoryLinksAsync(CancellationToken cancellationToken) =>
        kept.GetOrReadAsync(CategoryLinksKey, ReadCategoryLinksAsync, cancellationToken);

    /// <summary>
    /// Fills list rows' category names and addresses from <see cref="CategoryLinksAsync"/>. A row whose category is not
    /// among the kept links (created after they were read, by a change not yet committed when they were) has them read again.
    /// </summary>
    public async Task NameCategoriesAsync(IReadOnlyCollection<ProductListItem> items, CancellationToken cancellationToken)
    {
        if (items.Count == 0) return;
        var links = (await CategoryLinksAsync(cancellationToken)).ToDictionary(link => link.Id);
        if (items.Any(item => !links.ContainsKey(item.CategoryId)))
            links = (await kept.ReadAndKeepAsync(CategoryLinksKey, ReadCategoryLinksAsync, cancellationToken)).ToDictionary(link => link.Id);
        foreach (var item in items)
        {
            if (!links.TryGetValue(item.CategoryId, out var link)) continue;
            item.CategoryName = link.Name;
            item.CategorySlug = link.Slug;
        }
    }

    private async Task<IReadOnlyList<CategoryLink>> ReadCategoryLinksAsync(CancellationToken cancellationToken) =>
        await db.Categories.AsNoTracking()
            .OrderBy(c => c.Name).ThenBy(c => c.Id)
            .ProjectTo<CategoryLink>(mapping)
            .ToListAsync(cancellationToken);

    public async Task<CategorySummary?> FindCategoryAsync(string slug, CancellationToken cancellationToken)
    {
        var category = await db.Categories.AsNoTracking()
            .Where(c => c.Slug == slug)
            .ProjectTo<CategorySummary>(mapping)
            .FirstOrDefaultAsync(cancellationToken);
        if (category is not null)
            category.ActiveProductCount = (await ActiveProductCountsAsync(cancellationToken)).GetValueOrDefault(category.Id);
        return category;
    }

    /// <summary>
    /// Active products per category id (categories without any are missing), counted in one grouped query. Kept exactly
    /// until the catalog changes, as the lists' counts are (the home and category pages asked for them on every
    /// request); when they add up to a big number, the first count after a change may be a while old, like theirs.
    /// </summary>
    public Task<IReadOnlyDictionary<int, int>> ActiveProductCountsAsync(CancellationToken cancellationToken) =>
        kept.GetOrReadAsync("active-product-counts", token => counts.GetOrCountAsync(ActiveProductCountsKey.Instance, async countToken =>
            {
                var byCategory = await ActiveProductsByCategory().ToDictionaryAsync(c => c.CategoryId, c => c.Count, countToken);
                return (IReadOnlyDictionary<int, int>)byCategory;
            },
            byCategory => byCategory.Values.Sum(count => (long)count),
            token), cancellationToken);

    public async Task<IReadOnlyList<ProductListItem>> NewestProductsAsync(int count, CancellationToken cancellationToken)
    {
        var products = await NewestProducts(count).ToListAsync(cancellationToken);
        await NameCategoriesAsync(products, cancellationToken);
        return products;
    }

    /// <summary>The query behind <see cref="ActiveProductCountsAsync"/>.</summary>
    internal IQueryable<CategoryProductCount> ActiveProductsByCategory() =>
        // The bare column (not WhereActive's parameter) lets SQLite read the (CategoryId, IsActive) index alone, already
        // grouped; "IsActive = @active" makes it read every active row through another index and sort them.
        db.Products.AsNoTracking()
            .Where(p => p.IsActive)
            .GroupBy(p => p.CategoryId)
            .Select(g => new CategoryProductCount(g.Key, g.Count()));

    /// <summary>The query behind <see cref="NewestProductsAsync"/>.</summary>
    internal IQueryable<ProductListItem> NewestProducts(int count) =>
        db.Products.AsNoTracking()
            .WhereActive()
            .OrderByDescending(p => p.CreatedAt).ThenByDescending(p => p.Id)
            .Take(count)
            .ProjectTo<ProductListItem>(mapping);

    /// <summary>An active product with its tags, review statistics and latest approved reviews; null when there is none.</summary>
    public Task<ProductDetails?> FindActiveProductAsync(string slug, CancellationToken cancellationToken) =>
        db.OnOneConnectionAsync(() => ReadActiveProductAsync(slug, cancellationToken), cancellationToken);

    private async Task<ProductDetails?> ReadActiveProductAsync(string slug, CancellationToken cancellationToken)
    {
        var product = await db.Products.AsNoTracking()
            .Where(p => p.Slug == slug && p.IsActive)
            .Select(p => new ProductDetails
            {
                Id = p.Id,
                Name = p.Name,
                Slug = p.Slug,
                Sku = p.Sku,
                Description = p.Description,
                Price = p.Price,
                Stock = p.Stock,
                CategoryName = p.Category!.Name,
                CategorySlug = p.Category.Slug,
                Tags = p.Tags.OrderBy(t => t.Name).Select(t => t.Name).ToList(),
                // In the product's query rather than a grouped query of its own.
                Reviews = new ReviewStatistics(
                    p.Reviews.Count(r => r.IsApproved),
                    p.Reviews.Where(r => r.IsApproved).Average(r => (double?)r.Rating) ?? 0),
            })
            .FirstOrDefaultAsync(cancellationToken);
        if (product is null) return null;
        product.Images = await ProductImages.OfProductAsync(db, product.Id, cancellationToken);

        var latest = await db.Reviews.AsNoTracking()
            .Where(r => r.ProductId == product.Id && r.IsApproved)
            .OrderByDescending(r => r.CreatedAt).ThenByDescending(r => r.Id)
            .Take(LatestReviewCount)
            .Select(r => new { r.Title, r.Rating, r.Author!.DisplayName, r.Author.Email, r.CreatedAt, r.Body })
            .ToListAsync(cancellationToken);
        product.LatestReviews = latest
            .Select(r => new ReviewItem(r.Title, r.Rating, AuthorName(r.DisplayName, r.Email), r.CreatedAt, r.Body))
            .ToList();
        return product;
    }

    /// <summary>The display name, else the part of the email before the @, so that addresses are never published.</summary>
    public static string AuthorName(string? displayName, string? email)
    {
        if (!string.IsNullOrWhiteSpace(displayName)) return displayName.Trim();
        var localPart = email?.Split('@')[0];
        return string.IsNullOrWhiteSpace(localPart) ? "A customer" : localPart;
    }
}

/// <summary>How many active products one category has.</summary>
internal sealed record CategoryProductCount(int CategoryId, int Count);

/// <summary>The count cache's key for <see cref="CatalogQueries.ActiveProductCountsAsync"/>.</summary>
internal sealed record ActiveProductCountsKey
{
    public static readonly ActiveProductCountsKey Instance = new();
}
