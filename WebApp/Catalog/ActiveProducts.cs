namespace WebApp.Catalog;

internal static class ActiveProducts
{
    /// <summary>
    /// Only products on sale. Compared with a parameter rather than read as a bare boolean column, because only
    /// <c>"IsActive" = @active</c> lets SQLite walk the (IsActive, Name/Price/CreatedAt) indexes instead of sorting every row.
    /// </summary>
    public static IQueryable<Product> WhereActive(this IQueryable<Product> products)
    {
        var active = true;
        return products.Where(p => p.IsActive == active);
    }
}
