using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace WebApp.Data.Providers.Postgres;

/// <summary>PostgreSQL through Npgsql: the server database for several instances.</summary>
internal sealed class PostgresProvider : DatabaseProvider
{
    public override string Name => "Postgres";
    public override string EfProviderName => "Npgsql.EntityFrameworkCore.PostgreSQL";
    public override Type ContextType => typeof(PostgresAppDbContext);

    public override void AddContext(IServiceCollection services, Action<IServiceProvider, DbContextOptionsBuilder> connect) =>
        services.AddDbContextPool<AppDbContext, PostgresAppDbContext>(connect);

    public override void Connect(DbContextOptionsBuilder options, string connectionString, string contentRoot) =>
        // Parsed here so that a bad connection string fails when the first context is made (the check command reports it).
        options.UseNpgsql(new NpgsqlConnectionStringBuilder(connectionString).ConnectionString);

    public override IUniqueViolations UniqueViolations { get; } = new PostgresUniqueViolations();
    public override ITextMatching TextMatching { get; } = new PostgresTextMatching();
    public override IProductSearchIndex ProductSearchIndex { get; } = new PostgresProductSearchIndex();
    public override IBulkInsertKeys BulkInsertKeys { get; } = new PostgresBulkInsertKeys();
    public override ITransientFailures TransientFailures { get; } = new PostgresTransientFailures();
    public override IOutboxClaims OutboxClaims { get; } = new PostgresOutboxClaims();
    public override ITableSizeEstimates TableSizes { get; } = new PostgresTableSizeEstimates();
}
