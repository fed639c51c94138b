namespace WebApp.Data.Providers.Sqlite;

/// <summary>SQLite takes explicit keys in an INTEGER PRIMARY KEY and carries on from the largest one: nothing to do.</summary>
internal sealed class SqliteBulkInsertKeys : IBulkInsertKeys
{
    public string? BeforeInsert(string table, string keyColumn) => null;
    public string? AfterInsert(string table, string keyColumn) => null;
    public string? AfterLoad(string table, string keyColumn) => null;
}
