using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Infrastructure;
using WebApp.Data.Providers;
using WebApp.Data.Providers.Postgres;
using WebApp.Data.Providers.Sqlite;
using WebApp.Data.Providers.SqlServer;

namespace WebApp.Data;

/// <summary>
/// The database engines the app runs on, chosen by <c>Database:Provider</c> (Sqlite, the default; Postgres; SqlServer)
/// with the connection string <c>ConnectionStrings:Default</c>. What differs between engines lives in
/// <see cref="DatabaseProvider"/> and its per-engine classes (Data/Providers), and nowhere else.
/// </summary>
public static class DatabaseProviders
{
    internal static readonly IReadOnlyList<DatabaseProvider> All = [new SqliteProvider(), new PostgresProvider(), new SqlServerProvider()];

    /// <summary>The engine named <paramref name="name"/> (case-insensitive); a clear start-up error for any other name.</summary>
    internal static DatabaseProvider Named(string? name) =>
        string.IsNullOrEmpty(name) ? All[0]
        : All.FirstOrDefault(p => string.Equals(p.Name, name, StringComparison.OrdinalIgnoreCase))
          ?? throw new InvalidOperationException(
              $"Database:Provider '{name}' is not supported; use one of {string.Join(", ", All.Select(p => p.Name))}.");

    /// <summary>The engine a context is connected to.</summary>
    internal static DatabaseProvider For(DatabaseFacade database) =>
        All.FirstOrDefault(p => p.EfProviderName == database.ProviderName)
        ?? throw new InvalidOperationException($"The EF Core provider {database.ProviderName} is not one of the app's engines.");

    /// <summary>The engine this context is connected to, for the concern at hand: <c>db.Provider().TextMatching</c>.</summary>
    internal static DatabaseProvider Provider(this DbContext db)
    {
        if (ByModel.TryGetValue(db.Model, out var known)) return known;
        var provider = For(db.Database);
        ByModel.AddOrUpdate(db.Model, provider);
        return provider;
    }

    // Looked up once per EF model (a model belongs to one engine): asking the context for its provider's name resolves
    // a service, and a changelist asks on every request.
    private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<Microsoft.EntityFrameworkCore.Metadata.IModel, DatabaseProvider> ByModel = [];

    /// <summary>Registers AppDbContext for the engine named by <c>Database:Provider</c> (default SQLite).</summary>
    public static IHostApplicationBuilder AddAppDatabase(this IHostApplicationBuilder builder)
    {
        // The context type is chosen now; an unknown name fails when the first context is made (the check command
        // reports it), as does a bad connection string.
        var provider = All.FirstOrDefault(p => string.Equals(p.Name, builder.Configuration["Database:Provider"], StringComparison.OrdinalIgnoreCase)) ?? All[0];
        provider.AddContext(builder.Services, (services, options) =>
        {
            var configuration = services.GetRequiredService<IConfiguration>();
            var environment = services.GetRequiredService<IHostEnvironment>();
            if (Named(configuration["Database:Provider"]) != provider)
                throw new InvalidOperationException("Database:Provider changed after the app was built.");
            var connectionString = configuration.GetConnectionString("Default")
                ?? (provider is SqliteProvider ? "Data Source=data/webapp.db"
                    : throw new InvalidOperationException($"ConnectionStrings:Default is required with Database:Provider {provider.Name}."));
            provider.Connect(options, connectionString, environment.ContentRootPath);
            // EF's check that no context runs two operations at once changes the execution context twice per row read.
            // It finds a programming error, which the tests and development run with it on catch: production skips it.
            options.EnableThreadSafetyChecks(!environment.IsProduction());
            // Every interceptor a feature registers (the catalog pages' cache eviction, for one).
            options.AddInterceptors(services.GetServices<IInterceptor>());
        });
        return builder;
    }

    /// <summary>Applies migrations, then the engine's own settings (SQLite's WAL mode).</summary>
    public static async Task MigrateAsync(AppDbContext db, CancellationToken cancellationToken = default)
    {
        await db.Database.MigrateAsync(cancellationToken);
        await db.Provider().AfterMigrateAsync(db, cancellationToken);
    }

    /// <summary>True when trying the same work again may succeed (a busy database, a deadlock, a serialization failure).</summary>
    public static bool IsBusy(Exception exception) => All.Any(p => p.TransientFailures.IsTransient(exception));

    /// <summary>The unique index that refused a save, or null when <paramref name="exception"/> is something else.</summary>
    internal static UniqueViolation? UniqueViolation(DbUpdateException exception) =>
        All.Select(p => p.UniqueViolations.Find(exception)).FirstOrDefault(v => v is not null);
}
