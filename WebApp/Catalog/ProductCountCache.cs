using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Options;
using WebApp.Catalog.Caching;

namespace WebApp.Catalog;

/// <summary>
/// Counts of big product lists, kept for a short while (<see cref="ListCacheOptions"/>). Counting hundreds of thousands
/// of rows is most of a list page's work, and nobody can tell 901,234 products from 901,240; counts of up to
/// <see cref="ListCacheOptions.CountThreshold"/> products are never kept, so small lists are always exact. When a kept
/// count expires, one request counts again and the requests that come meanwhile wait for its answer. A page that shows a
/// kept count from before the last catalog change is not stored in the pages' output cache.
/// </summary>
internal sealed class ProductCountCache(IOptions<ListCacheOptions> options, TimeProvider time, CatalogPageCache pages) : IDisposable
{
    // Bounded whatever visitors ask for: every search and price range of a big list is a key of its own.
    private const int MaxEntries = 10_000;

    // An expired count is remembered a while longer, so that the requests after it know to wait for one recount.
    private const int RememberedExpiries = 4;

    private readonly MemoryCache _entries = new(new MemoryCacheOptions { SizeLimit = MaxEntries });

    private sealed class Entry<T>(T value, DateTimeOffset freshUntil, long catalogVersion)
    {
        public T Value { get; } = value;
        public DateTimeOffset FreshUntil { get; } = freshUntil;

        /// <summary>The catalog's change counter when counting began (<see cref="CatalogPageCache.Version"/>).</summary>
        public long CatalogVersion { get; } = catalogVersion;

        /// <summary>The recount under way after expiry, if any (set and cleared with Interlocked).</summary>
        public Task<T>? Recount;
    }

    /// <summary>Whether counts covering <paramref name="products"/> products are kept.</summary>
    public bool Keeps(long products) => products > options.Value.CountThreshold;

    /// <summary>Rows enough to tell a kept count from an exact one: counting can stop here.</summary>
    public int CountLimit => (int)Math.Min(options.Value.CountThreshold + 1L, int.MaxValue);

    /// <summary>Whether a count is kept for <paramref name="key"/>, fresh or expired: the list was big when last counted.</summary>
    public bool Remembers(object key) => _entries.TryGetValue(key, out _);

    /// <summary>
    /// The kept count for <paramref name="key"/> while it is fresh; otherwise <paramref name="count"/>'s answer, kept when
    /// <paramref name="products"/> says it covers more products than the threshold.
    /// </summary>
    public async Task<T> GetOrCountAsync<T>(
        object key, Func<CancellationToken, Task<T>> count, Func<T, long> products, CancellationToken cancellationToken)
    {
        if (!_entries.TryGetValue(key, out Entry<T>? entry) || entry is null)
            return await CountAndKeepAsync(key, count, products, cancellationToken);
        if (entry.FreshUntil > time.GetUtcNow())
        {
            if (entry.CatalogVersion != pages.Version) pages.MarkPossiblyStale();
            return entry.Value;
        }

        var recount = new TaskCompletionSource<T>(TaskCreationOptions.RunContinuationsAsynchronously);
        if (Interlocked.CompareExchange(ref entry.Recount, recount.Task, null) is { } running)
        {
            try
            {
                return await running.WaitAsync(cancellationToken);
            }
            catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                // The request that was counting failed or went away: count here instead.
                return await CountAndKeepAsync(key, count, products, cancellationToken);
            }
        }

        try
        {
            var value = await CountAndKeepAsync(key, count, products, cancellationToken);
            recount.SetResult(value);
            return value;
        }
        catch
        {
            // Cancelled rather than failed, so that waiters count for themselves and no exception goes unobserved.
            recount.SetCanceled(CancellationToken.None);
            _ = Interlocked.CompareExchange(ref entry.Recount, null, recount.Task);
            throw;
        }
    }

    /// <summary>Drops the count kept for <paramref name="key"/>: the caller found it out of date.</summary>
    public void Forget(object key) => _entries.Remove(key);

    private async Task<T> CountAndKeepAsync<T>(
        object key, Func<CancellationToken, Task<T>> count, Func<T, long> products, CancellationToken cancellationToken)
    {
        var catalogVersion = pages.Version;
        var value = await count(cancellationToken);
        if (!Keeps(products(value)))
        {
            _entries.Remove(key);
            return value;
        }

        var expiry = options.Value.Expiry;
        _entries.Set(key, new Entry<T>(value, time.GetUtcNow() + expiry, catalogVersion), new MemoryCacheEntryOptions
        {
            Size = 1,
            AbsoluteExpirationRelativeToNow = expiry * RememberedExpiries,
        });
        return value;
    }

    public void Dispose() => _entries.Dispose();
}
