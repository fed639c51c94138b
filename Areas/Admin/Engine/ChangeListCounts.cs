using System.Collections.Concurrent;

namespace WebApp.Admin;

/// <summary>
/// Exact row counts of big changelists, kept for a minute: a page far from the start is read backwards from the end,
/// which needs the count, and counting a million rows on every such request is the wall this avoids.
/// </summary>
internal sealed class ChangeListCounts(TimeProvider time)
{
    private static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(1);

    // Bounded: each distinct filter combination adds one entry; past this the oldest go.
    private const int MaxEntries = 1_000;

    private readonly ConcurrentDictionary<string, (long Count, DateTimeOffset CountedAt)> _counts = new(StringComparer.Ordinal);

    public async Task<long> GetAsync(string key, Func<Task<long>> count)
    {
        var now = time.GetUtcNow();
        if (_counts.TryGetValue(key, out var kept) && now - kept.CountedAt < Lifetime) return kept.Count;
        var value = await count();
        if (_counts.Count >= MaxEntries)
        {
            foreach (var old in _counts.Where(c => now - c.Value.CountedAt >= Lifetime).Select(c => c.Key).ToList()) _counts.TryRemove(old, out _);
            if (_counts.Count >= MaxEntries) _counts.Clear();
        }
        _counts[key] = (value, now);
        return value;
    }

    /// <summary>An exact count was just taken anyway (<c>_full_count</c>): keep it.</summary>
    public void Set(string key, long count) => _counts[key] = (count, time.GetUtcNow());
}
