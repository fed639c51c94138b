namespace WebApp.Catalog.Caching;

/// <summary>Settings of the catalog pages' output cache (<c>Catalog:PageCache</c>).</summary>
internal sealed class CatalogPageCacheOptions
{
    public const string Section = "Catalog:PageCache";

    public bool Enabled { get; set; } = true;

    /// <summary>
    /// How long a page is kept when nothing changes. Changes evict at once, so this only bounds memory use and
    /// changes made behind the app's back (another program writing to the database).
    /// </summary>
    public TimeSpan Expiry { get; set; } = TimeSpan.FromMinutes(10);
}
