using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;

namespace WebApp.Data.Providers.Postgres;

/// <summary>PostgreSQL's planner statistics: pg_class.reltuples, kept by VACUUM and ANALYZE (-1 before the first).</summary>
internal sealed class PostgresTableSizeEstimates : ITableSizeEstimates
{
    public async Task<long?> EstimateAsync(DbContext db, IEntityType entityType, CancellationToken cancellationToken)
    {
        var name = $"\"{entityType.GetSchema() ?? "public"}\".\"{entityType.GetTableName()}\"";
        var rows = await db.Database
            .SqlQuery<long?>($"""SELECT reltuples::bigint AS "Value" FROM pg_class WHERE oid = to_regclass({name})""")
            .ToListAsync(cancellationToken);
        return rows.FirstOrDefault() is { } estimate && estimate >= 0 ? estimate : null;
    }

    // reltuples is a planner estimate, not a bound.
    public Task<long?> UpperBoundAsync(DbContext db, IEntityType entityType, CancellationToken cancellationToken) => Task.FromResult<long?>(null);
}
