using Microsoft.Data.Sqlite;

namespace WebApp.Data.Providers.Sqlite;

/// <summary>Other writers held the database past the busy timeout: SQLITE_BUSY (5) and SQLITE_LOCKED (6).</summary>
internal sealed class SqliteTransientFailures : ITransientFailures
{
    public bool IsTransient(Exception exception) =>
        exception is SqliteException { SqliteErrorCode: 5 or 6 }
        || (exception.InnerException is { } inner && IsTransient(inner));
}
