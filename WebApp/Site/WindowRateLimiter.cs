using System.Threading.RateLimiting;

namespace WebApp.Site;

/// <summary>
/// A fixed-window limiter whose window starts at the partition's first request and whose refusals carry the time left
/// in that window as <see cref="MetadataName.RetryAfter"/>. The framework's <see cref="FixedWindowRateLimiter"/> reports
/// the whole window instead, and cannot be driven by a test clock.
/// </summary>
public sealed class WindowRateLimiter(int permitLimit, TimeSpan window, TimeProvider time) : RateLimiter
{
    private readonly Lock _lock = new();
    private DateTimeOffset _windowStart;
    private int _used;
    private bool _started;

    /// <summary>A partition for ASP.NET Core's rate limiter.</summary>
    public static RateLimitPartition<TKey> Partition<TKey>(TKey key, int permitLimit, TimeSpan window, TimeProvider time) =>
        RateLimitPartition.Get(key, _ => new WindowRateLimiter(permitLimit, window, time));

    public override TimeSpan? IdleDuration
    {
        get
        {
            lock (_lock)
            {
                // Idle (and so removable by the partitioned limiter) once its window has ended.
                var elapsed = Elapsed();
                return !_started ? TimeSpan.Zero : elapsed >= window ? elapsed - window : null;
            }
        }
    }

    public override RateLimiterStatistics GetStatistics()
    {
        lock (_lock)
        {
            Roll();
            return new RateLimiterStatistics { CurrentAvailablePermits = permitLimit - _used };
        }
    }

    protected override RateLimitLease AttemptAcquireCore(int permitCount)
    {
        lock (_lock)
        {
            Roll();
            if (_used + permitCount <= permitLimit && (permitCount > 0 || _used < permitLimit))
            {
                _used += permitCount;
                return Lease.Granted;
            }
            return new Lease(false, window - Elapsed());
        }
    }

    protected override ValueTask<RateLimitLease> AcquireAsyncCore(int permitCount, CancellationToken cancellationToken) =>
        new(AttemptAcquireCore(permitCount));

    private TimeSpan Elapsed() => _started ? time.GetUtcNow() - _windowStart : TimeSpan.Zero;

    private void Roll()
    {
        if (_started && Elapsed() < window) return;
        _started = true;
        _windowStart = time.GetUtcNow();
        _used = 0;
    }

    private sealed class Lease(bool acquired, TimeSpan? retryAfter) : RateLimitLease
    {
        public static readonly Lease Granted = new(true, null);

        public override bool IsAcquired => acquired;

        public override IEnumerable<string> MetadataNames => retryAfter is null ? [] : [MetadataName.RetryAfter.Name];

        public override bool TryGetMetadata(string metadataName, out object? metadata)
        {
            metadata = retryAfter;
            return retryAfter is not null && metadataName == MetadataName.RetryAfter.Name;
        }
    }
}
