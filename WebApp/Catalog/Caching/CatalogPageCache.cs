using Microsoft.AspNetCore.OutputCaching;

namespace WebApp.Catalog.Caching;

/// <summary>
/// The output cache of the anonymous catalog pages: one tag for all of them, evicted whenever the catalog changes, and a
/// change counter so that a page read before a change is never stored after it.
/// </summary>
internal sealed class CatalogPageCache(IOutputCacheStore store, IHttpContextAccessor requests, ILogger<CatalogPageCache> logger)
{
    private static readonly object PossiblyStaleKey = new();

    public const string PolicyName = "CatalogPage";
    public const string Tag = "catalog";

    private long _version;

    /// <summary>Goes up with every catalog change this instance saw.</summary>
    public long Version => Interlocked.Read(ref _version);

    /// <summary>
    /// The current request's page shows something that may predate the last change (a kept count, see
    /// ProductCountCache): it is served but not stored, so that the cache never holds it.
    /// </summary>
    public void MarkPossiblyStale()
    {
        if (requests.HttpContext is { } request) request.Items[PossiblyStaleKey] = true;
    }

    public static bool IsPossiblyStale(HttpContext request) => request.Items.ContainsKey(PossiblyStaleKey);

    /// <summary>Whether the current request was marked by <see cref="MarkPossiblyStale"/>.</summary>
    public bool CurrentRequestIsPossiblyStale => requests.HttpContext is { } request && IsPossiblyStale(request);

    /// <summary>
    /// Forgets every cached catalog page (in the shared store, when one is configured). A store that cannot be reached
    /// (Redis down) is logged, not thrown: the change itself is made, and the pages expire after Catalog:PageCache:Expiry.
    /// </summary>
    public async ValueTask EvictAsync(CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref _version);
        try
        {
            await store.EvictByTagAsync(Tag, cancellationToken);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            logger.LogError(exception, "The catalog pages could not be evicted from the output cache's store.");
        }
    }
}
