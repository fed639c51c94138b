using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;

namespace WebApp.Data.Providers.SqlServer;

/// <summary>SQL Server's partition row counts (sys.partitions of the heap or clustered index), kept as rows change.</summary>
internal sealed class SqlServerTableSizeEstimates : ITableSizeEstimates
{
    public async Task<long?> EstimateAsync(DbContext db, IEntityType entityType, CancellationToken cancellationToken)
    {
        var name = $"[{entityType.GetSchema() ?? "dbo"}].[{entityType.GetTableName()}]";
        var rows = await db.Database
            .SqlQuery<long?>($"SELECT SUM(CAST(rows AS bigint)) AS Value FROM sys.partitions WHERE object_id = OBJECT_ID({name}) AND index_id IN (0, 1)")
            .ToListAsync(cancellationToken);
        return rows.FirstOrDefault();
    }

    // partition counts can lag behind open transactions: not a bound.
    public Task<long?> UpperBoundAsync(DbContext db, IEntityType entityType, CancellationToken cancellationToken) => Task.FromResult<long?>(null);
}
