using Microsoft.EntityFrameworkCore;

namespace WebApp.Data.Providers;

/// <summary>
/// One database engine: how the app connects to it, and one small object per concern in which engines differ.
/// Code elsewhere asks <c>db.Provider()</c> for the concern it needs instead of testing which engine it is on.
/// </summary>
internal abstract class DatabaseProvider
{
    /// <summary>The value of <c>Database:Provider</c> that selects this engine.</summary>
    public abstract string Name { get; }

    /// <summary>EF Core's name for the provider (<see cref="Microsoft.EntityFrameworkCore.Infrastructure.DatabaseFacade.ProviderName"/>).</summary>
    public abstract string EfProviderName { get; }

    /// <summary>The context type whose migrations belong to this engine.</summary>
    public abstract Type ContextType { get; }

    /// <summary>
    /// Registers <see cref="AppDbContext"/> as this engine's context type, connected by <paramref name="connect"/>, from a
    /// pool: the options are built once and a request reuses a context instead of building EF's services again (a
    /// tenth of an uncached catalog page's time). Nothing may keep state in a context between requests.
    /// </summary>
    public abstract void AddContext(IServiceCollection services, Action<IServiceProvider, DbContextOptionsBuilder> connect);

    /// <summary>Points <paramref name="options"/> at the database of <paramref name="connectionString"/>.</summary>
    public abstract void Connect(DbContextOptionsBuilder options, string connectionString, string contentRoot);

    /// <summary>
    /// Store conventions the engine needs. Every engine: a DateTime is UTC by the app's rule, so it is written as UTC
    /// (Npgsql refuses other kinds for timestamptz) and read back marked UTC (SQLite and datetime2 keep no zone).
    /// </summary>
    public virtual void ConfigureConventions(ModelConfigurationBuilder conventions)
    {
        conventions.Properties<DateTime>().HaveConversion<UtcDateTimeConverter>();
        conventions.Properties<DateTime?>().HaveConversion<UtcDateTimeConverter>();
    }

    /// <summary>Settings applied to the database after migrating.</summary>
    public virtual Task AfterMigrateAsync(AppDbContext db, CancellationToken cancellationToken) => Task.CompletedTask;

    public abstract IUniqueViolations UniqueViolations { get; }
    public abstract ITextMatching TextMatching { get; }
    public abstract IProductSearchIndex ProductSearchIndex { get; }
    public abstract IBulkInsertKeys BulkInsertKeys { get; }
    public abstract ITransientFailures TransientFailures { get; }
    public abstract IOutboxClaims OutboxClaims { get; }
    public abstract ITableSizeEstimates TableSizes { get; }
}
