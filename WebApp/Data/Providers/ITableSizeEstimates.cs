using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;

namespace WebApp.Data.Providers;

/// <summary>
/// How many rows a table holds, as the engine's own bookkeeping estimates it (one cheap catalogue read, never a scan):
/// what a list shows instead of counting a big table on every request.
/// </summary>
internal interface ITableSizeEstimates
{
    /// <summary>The estimated row count of <paramref name="entityType"/>'s table, or null when the engine has none yet.</summary>
    Task<long?> EstimateAsync(DbContext db, IEntityType entityType, CancellationToken cancellationToken);

    /// <summary>
    /// A number the table's row count cannot exceed, when the engine can tell in one cheap read; null when it cannot.
    /// A list whose table is under its exact-count limit by this bound counts it outright, which is cheaper than
    /// counting up to the limit.
    /// </summary>
    Task<long?> UpperBoundAsync(DbContext db, IEntityType entityType, CancellationToken cancellationToken);
}
