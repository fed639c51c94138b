using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;

namespace WebApp.Data.Providers.Sqlite;

/// <summary>
/// SQLite keeps no row count; the largest rowid is one B-tree descent and, for tables that only grow at the end (every
/// table here: integer keys or the implicit rowid), the count plus the rows deleted since, so never too low.
/// </summary>
internal sealed class SqliteTableSizeEstimates : ITableSizeEstimates
{
    public async Task<long?> EstimateAsync(DbContext db, IEntityType entityType, CancellationToken cancellationToken)
    {
        // The table name comes from the EF model, never from a request.
        var table = entityType.GetTableName()!.Replace("\"", "\"\"", StringComparison.Ordinal);
        var sql = $"""SELECT max(rowid) AS "Value" FROM "{table}" """;
        var rows = await db.Database.SqlQueryRaw<long?>(sql).ToListAsync(cancellationToken);
        return rows.FirstOrDefault();
    }
}
