namespace WebApp.Data.Providers.SqlServer;

/// <summary>
/// An IDENTITY column refuses explicit values unless IDENTITY_INSERT is on, which one table per session may be; SQL
/// Server then carries the identity on past the largest value by itself.
/// </summary>
internal sealed class SqlServerBulkInsertKeys : IBulkInsertKeys
{
    public string? BeforeInsert(string table, string keyColumn) => $"SET IDENTITY_INSERT {table} ON;";
    public string? AfterInsert(string table, string keyColumn) => $"SET IDENTITY_INSERT {table} OFF;";
    public string? AfterLoad(string table, string keyColumn) => null;
}
