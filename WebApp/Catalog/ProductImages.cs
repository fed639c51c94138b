using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;
using WebApp.Data;
using WebApp.Media;

namespace WebApp.Catalog;

/// <summary>Reads products' images for the shop's pages: primary first, then in the staff's order.</summary>
internal static class ProductImages
{
    /// <summary>Every image of one product, in page order.</summary>
    public static async Task<IReadOnlyList<MediaImage>> OfProductAsync(AppDbContext db, int productId, CancellationToken cancellationToken) =>
        (await InPageOrder(db.ProductImages.AsNoTracking().Where(i => i.ProductId == productId))
            .Select(i => new MediaImage(i.ImageKey, i.Width, i.Height, i.AltText))
            .ToListAsync(cancellationToken));

    /// <summary>The primary image of each product that has one (one query for a whole page of products).</summary>
    public static async Task<IReadOnlyDictionary<int, MediaImage>> PrimaryOfAsync(
        AppDbContext db, IReadOnlyCollection<int> productIds, CancellationToken cancellationToken)
    {
        if (productIds.Count == 0) return new Dictionary<int, MediaImage>();
        var ids = productIds.Distinct().ToList();
        var rows = await InPageOrder(db.ProductImages.AsNoTracking().Where(i => ids.Contains(i.ProductId)))
            .Select(i => new { i.ProductId, Image = new MediaImage(i.ImageKey, i.Width, i.Height, i.AltText) })
            .ToListAsync(cancellationToken);
        return rows.GroupBy(r => r.ProductId).ToDictionary(g => g.Key, g => g.First().Image);
    }

    /// <summary>
    /// A product's primary image as one subquery of a product query: "key width height alt text" (see
    /// <see cref="MediaImage.FromColumns"/>), or null when the product has no image. Lists read their rows' pictures in the
    /// page's own query, not in a second round trip; one subquery rather than one per column, because SQLite prepares and
    /// runs each subquery on every request (four took half of the page query's time).
    /// </summary>
    public static Expression<Func<Product, string?>> PrimaryColumns()
    {
        Expression<Func<Product, IQueryable<ProductImage>>> images = p => p.Images.AsQueryable();
        // LINQ operators on an EnumerableQuery only record themselves: InPageOrder's tree, applied to the product's images.
        var first = InPageOrder(new EnumerableQuery<ProductImage>(images.Body))
            .Select(i => (string?)(i.ImageKey + " " + i.Width.ToString() + " " + i.Height.ToString() + " " + i.AltText));
        var value = Expression.Call(typeof(Queryable), nameof(Queryable.FirstOrDefault), [typeof(string)], first.Expression);
        return Expression.Lambda<Func<Product, string?>>(value, images.Parameters);
    }

    /// <summary>Absolute addresses of the products' primary images at mail size (80 px shown, 160 px stored), or none without a public base URL.</summary>
    public static async Task<IReadOnlyDictionary<int, string>> MailUrlsAsync(
        AppDbContext db, string? publicBaseUrl, IReadOnlyCollection<int> productIds, CancellationToken cancellationToken)
    {
        if (string.IsNullOrEmpty(publicBaseUrl)) return new Dictionary<int, string>();
        var images = await PrimaryOfAsync(db, productIds, cancellationToken);
        return images.ToDictionary(i => i.Key, i => publicBaseUrl.TrimEnd('/') + i.Value.Url(ImageSizes.Widths[0]));
    }

    private static IQueryable<ProductImage> InPageOrder(IQueryable<ProductImage> images) =>
        images.Where(i => i.ImageKey != "").OrderByDescending(i => i.IsPrimary).ThenBy(i => i.SortOrder).ThenBy(i => i.Id);
}
