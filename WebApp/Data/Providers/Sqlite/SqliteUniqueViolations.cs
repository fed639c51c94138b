using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace WebApp.Data.Providers.Sqlite;

/// <summary>
/// SQLITE_CONSTRAINT_UNIQUE (2067) or _PRIMARYKEY (1555). SQLite names no index, only the columns, and only in the
/// message ("UNIQUE constraint failed: Products.Sku, ..."), so this reads them from there.
/// </summary>
internal sealed class SqliteUniqueViolations : IUniqueViolations
{
    private const string Prefix = "constraint failed: ";

    public UniqueViolation? Find(DbUpdateException exception)
    {
        if (exception.InnerException is not SqliteException { SqliteExtendedErrorCode: 2067 or 1555 } error) return null;
        var start = error.Message.IndexOf(Prefix, StringComparison.Ordinal);
        if (start < 0) return new UniqueViolation(null, []);
        var columns = error.Message[(start + Prefix.Length)..].TrimEnd('\'', '.').Split(", ")
            .Select(column => column[(column.IndexOf('.') + 1)..])
            .ToList();
        return new UniqueViolation(null, columns);
    }
}
