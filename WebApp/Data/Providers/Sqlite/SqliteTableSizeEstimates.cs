using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;

namespace WebApp.Data.Providers.Sqlite;

/// <summary>
/// SQLite keeps no row count, but rowids are distinct integers: a table holds at most max(rowid) - min(rowid) + 1 rows,
/// two B-tree descents. For tables that only grow at the end (every table here: integer keys or the implicit rowid)
/// that is the count plus the rows deleted since: an estimate never too low.
/// </summary>
internal sealed class SqliteTableSizeEstimates : ITableSizeEstimates
{
    public Task<long?> EstimateAsync(DbContext db, IEntityType entityType, CancellationToken cancellationToken) =>
        UpperBoundAsync(db, entityType, cancellationToken);

    public Task<long?> UpperBoundAsync(DbContext db, IEntityType entityType, CancellationToken cancellationToken)
    {
        var table = Table(entityType);
        var sql = $"""SELECT coalesce((SELECT max(rowid) FROM {table}) - (SELECT min(rowid) FROM {table}) + 1, 0)""";
        // A plain command: a list asks on every request, and EF's raw-SQL query costs more than the two descents.
        return db.OnOneConnectionAsync(async () =>
        {
            await using var command = db.Database.GetDbConnection().CreateCommand();
            command.CommandText = sql;
            command.Transaction = db.Database.CurrentTransaction?.GetDbTransaction();
            return (long?)Convert.ToInt64(await command.ExecuteScalarAsync(cancellationToken), CultureInfo.InvariantCulture);
        }, cancellationToken);
    }

    // The table name comes from the EF model, never from a request.
    private static string Table(IEntityType entityType) => "\"" + entityType.GetTableName()!.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
}
