using Microsoft.Data.SqlClient;
using Microsoft.EntityFrameworkCore;

namespace WebApp.Data.Providers.SqlServer;

/// <summary>SQL Server through Microsoft.Data.SqlClient. Wired and migrated, but never run against a live server here.</summary>
internal sealed class SqlServerProvider : DatabaseProvider
{
    public override string Name => "SqlServer";
    public override string EfProviderName => "Microsoft.EntityFrameworkCore.SqlServer";
    public override Type ContextType => typeof(SqlServerAppDbContext);

    public override void AddContext(IServiceCollection services, Action<IServiceProvider, DbContextOptionsBuilder> connect) =>
        services.AddDbContextPool<AppDbContext, SqlServerAppDbContext>(connect);

    public override void Connect(DbContextOptionsBuilder options, string connectionString, string contentRoot) =>
        // Parsed here so that a bad connection string fails when the first context is made (the check command reports it).
        options.UseSqlServer(new SqlConnectionStringBuilder(connectionString).ConnectionString);

    public override IUniqueViolations UniqueViolations { get; } = new SqlServerUniqueViolations();
    public override ITextMatching TextMatching { get; } = new SqlServerTextMatching();
    public override IProductSearchIndex ProductSearchIndex { get; } = new SqlServerProductSearchIndex();
    public override IBulkInsertKeys BulkInsertKeys { get; } = new SqlServerBulkInsertKeys();
    public override ITransientFailures TransientFailures { get; } = new SqlServerTransientFailures();
    public override IOutboxClaims OutboxClaims { get; } = new SqlServerOutboxClaims();
    public override ITableSizeEstimates TableSizes { get; } = new SqlServerTableSizeEstimates();
}
