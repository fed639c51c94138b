namespace WebApp.Data.Providers;

/// <summary>
/// A unique index that refused a row: its name when the engine reports it (PostgreSQL, SQL Server), the columns when
/// the engine reports those instead (SQLite).
/// </summary>
internal sealed record UniqueViolation(string? IndexName, IReadOnlyList<string> Columns);
