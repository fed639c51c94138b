using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace WebApp.Data.Providers.Sqlite;

/// <summary>SQLite: one file on one machine, the default.</summary>
internal sealed class SqliteProvider : DatabaseProvider
{
    public override string Name => "Sqlite";
    public override string EfProviderName => "Microsoft.EntityFrameworkCore.Sqlite";
    public override Type ContextType => typeof(AppDbContext);

    public override void AddContext(IServiceCollection services, Action<IServiceProvider, DbContextOptionsBuilder> connect) =>
        services.AddDbContextPool<AppDbContext>(connect);

    public override void Connect(DbContextOptionsBuilder options, string connectionString, string contentRoot)
    {
        LimitMemory();
        options.UseSqlite(ConnectionString(connectionString, contentRoot));
    }

    /// <summary>
    /// All connections' page caches together stay near 8 MB (SQLite's soft heap limit, one for the process): each
    /// pooled connection otherwise keeps up to 2 MB of pages, up to 64 MB at 32 busy connections of a 300 MB budget
    /// (bench/admin.sh: about 10 MB less peak RSS at a million rows). A page read again comes from the operating
    /// system's file cache.
    /// </summary>
    private static void LimitMemory()
    {
        if (Interlocked.Exchange(ref memoryLimited, 1) == 1) return;
        using var _ = new SqliteConnection(); // loads the native library (SQLitePCL's provider) before raw is called
        SQLitePCL.raw.sqlite3_soft_heap_limit64(SoftHeapLimitBytes);
    }

    private const long SoftHeapLimitBytes = 8 * 1024 * 1024;
    private static int memoryLimited;

    /// <summary>Resolves a relative SQLite file against the content root and creates its folder.</summary>
    public static string ConnectionString(string connectionString, string contentRoot)
    {
        var csb = new SqliteConnectionStringBuilder(connectionString);
        if (csb.Mode != SqliteOpenMode.Memory && !string.IsNullOrEmpty(csb.DataSource) && csb.DataSource != ":memory:")
        {
            csb.DataSource = Path.GetFullPath(csb.DataSource, contentRoot);
            Directory.CreateDirectory(Path.GetDirectoryName(csb.DataSource)!);
        }
        csb.DefaultTimeout = csb.DefaultTimeout <= 30 ? 30 : csb.DefaultTimeout;
        return csb.ToString();
    }

    public override void ConfigureConventions(ModelConfigurationBuilder conventions)
    {
        base.ConfigureConventions(conventions);
        // SQLite has no decimal type: money is stored as whole cents so that SQL sorts, compares and sums it exactly.
        conventions.Properties<decimal>().HaveConversion<MoneyAsCentsConverter>();
    }

    /// <summary>WAL: readers never wait for the writer.</summary>
    public override async Task AfterMigrateAsync(AppDbContext db, CancellationToken cancellationToken) =>
        await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", cancellationToken);

    public override IUniqueViolations UniqueViolations { get; } = new SqliteUniqueViolations();
    public override ITextMatching TextMatching { get; } = new SqliteTextMatching();
    public override IProductSearchIndex ProductSearchIndex { get; } = new SqliteProductSearchIndex();
    public override IBulkInsertKeys BulkInsertKeys { get; } = new SqliteBulkInsertKeys();
    public override ITransientFailures TransientFailures { get; } = new SqliteTransientFailures();
    public override IOutboxClaims OutboxClaims { get; } = new SqliteOutboxClaims();
    public override ITableSizeEstimates TableSizes { get; } = new SqliteTableSizeEstimates();
}
