using System.Text.Json;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.Extensions.Options;

namespace WebApp.Catalog.Caching;

/// <summary>
/// Query answers that every catalog page asks again (a list's number of products, the categories of the filter form),
/// kept in the output cache's store under the catalog pages' tag, so the change that evicts the cached pages evicts
/// them too, on every instance when the store is shared (Redis); the count was most of an uncached list page's work.
/// An answer read before a change is never stored after it (<see cref="CatalogPageCache.Version"/>), nor one that may
/// predate a change (a count kept by <see cref="ProductCountCache"/>). Kept whether or not pages are cached: they are
/// never stale after a change the app makes is committed. Writes that bypass EF Core are evicted by their command (the
/// seed command); another program's writes show after <c>Catalog:PageCache:Expiry</c>, as for the pages.
/// </summary>
internal sealed class CatalogDataCache(
    IOutputCacheStore store, CatalogPageCache pages, IOptions<CatalogPageCacheOptions> options, ILogger<CatalogDataCache> logger)
{
    // Apart from the pages' keys, which the output cache builds from the request's method, host and path.
    private const string KeyPrefix = "catalog-data\u001f";

    private static readonly string[] Tags = [CatalogPageCache.Tag];

    // The in-memory store hands back the very array it keeps: read once, its answer serves every request until the
    // change that evicts it. A shared store (Redis) returns new bytes each time, which are read each time.
    private readonly System.Runtime.CompilerServices.ConditionalWeakTable<byte[], object> _read = [];

    /// <summary>The kept answer for <paramref name="key"/>, else <paramref name="read"/>'s, kept until the catalog changes.</summary>
    public async Task<T> GetOrReadAsync<T>(string key, Func<CancellationToken, Task<T>> read, CancellationToken cancellationToken)
    {
        if (await TryGetAsync(key, cancellationToken) is not { } kept)
            return await ReadAndKeepAsync(key, read, cancellationToken);
        if (_read.TryGetValue(kept, out var answer) && answer is T known)
            return known;
        var value = JsonSerializer.Deserialize<T>(kept)!;
        _read.AddOrUpdate(kept, value);
        return value;
    }

    /// <summary><paramref name="read"/>'s answer, kept in place of any kept one (the caller found that out of date).</summary>
    public async Task<T> ReadAndKeepAsync<T>(string key, Func<CancellationToken, Task<T>> read, CancellationToken cancellationToken)
    {
        var readAt = pages.Version;
        var value = await read(cancellationToken);
        if (readAt == pages.Version && !pages.CurrentRequestIsPossiblyStale)
            await TrySetAsync(key, JsonSerializer.SerializeToUtf8Bytes(value), cancellationToken);
        return value;
    }

    // An unreachable store (Redis down) costs the query, never the page.
    private async Task<byte[]?> TryGetAsync(string key, CancellationToken cancellationToken)
    {
        try
        {
            return await store.GetAsync(KeyPrefix + key, cancellationToken);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            logger.LogWarning(exception, "The output cache's store could not be read; the catalog is read from the database.");
            return null;
        }
    }

    private async Task TrySetAsync(string key, byte[] value, CancellationToken cancellationToken)
    {
        try
        {
            await store.SetAsync(KeyPrefix + key, value, Tags, options.Value.Expiry, cancellationToken);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            logger.LogWarning(exception, "The output cache's store could not be written; the answer is not kept.");
        }
    }
}
