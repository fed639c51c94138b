namespace WebApp.Data.Providers;

/// <summary>
/// What an engine needs when rows are inserted with their keys given (the seeder): SQL Server refuses explicit values
/// in an IDENTITY column unless asked, PostgreSQL's identity sequence must be moved past them afterwards.
/// </summary>
internal interface IBulkInsertKeys
{
    /// <summary>SQL to run in the same command before each INSERT that gives <paramref name="keyColumn"/>'s values, or null.</summary>
    string? BeforeInsert(string table, string keyColumn);

    /// <summary>SQL to run in the same command after each such INSERT, or null.</summary>
    string? AfterInsert(string table, string keyColumn);

    /// <summary>SQL to run once when the load is over (the next generated key must not collide), or null.</summary>
    string? AfterLoad(string table, string keyColumn);
}
