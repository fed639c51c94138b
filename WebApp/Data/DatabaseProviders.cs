using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace WebApp.Data;

/// <summary>Everything that differs between database providers lives here.</summary>
public static class DatabaseProviders
{
    public const string Sqlite = "Sqlite";

    /// <summary>Registers AppDbContext for the provider named by <c>Database:Provider</c> (default SQLite).</summary>
    public static IHostApplicationBuilder AddAppDatabase(this IHostApplicationBuilder builder)
    {
        // Options are read when the first context is made, so that tests and commands can still change configuration.
        builder.Services.AddDbContext<AppDbContext>((services, options) =>
        {
            var configuration = services.GetRequiredService<IConfiguration>();
            var environment = services.GetRequiredService<IHostEnvironment>();
            var provider = configuration["Database:Provider"] ?? Sqlite;
            if (!string.Equals(provider, Sqlite, StringComparison.OrdinalIgnoreCase))
                throw new InvalidOperationException($"Database:Provider '{provider}' is not supported; use '{Sqlite}'.");

            options.UseSqlite(SqliteConnectionString(
                configuration.GetConnectionString("Default") ?? "Data Source=data/webapp.db",
                environment.ContentRootPath));
            // Every interceptor a feature registers (the catalog pages' cache eviction, for one).
            options.AddInterceptors(services.GetServices<IInterceptor>());
        });
        return builder;
    }

    /// <summary>Resolves a relative SQLite file against the content root and creates its folder.</summary>
    public static string SqliteConnectionString(string connectionString, string contentRoot)
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

    internal static void ConfigureConventions(DatabaseFacade database, ModelConfigurationBuilder conventions)
    {
        if (database.IsSqlite())
        {
            // SQLite has no decimal type: money is stored as whole cents so that SQL sorts, compares and sums it exactly.
            conventions.Properties<decimal>().HaveConversion<MoneyAsCentsConverter>();
            // SQLite keeps no time zone: every DateTime is UTC by the app's rule, so say so when reading.
            conventions.Properties<DateTime>().HaveConversion<UtcDateTimeConverter>();
            conventions.Properties<DateTime?>().HaveConversion<UtcDateTimeConverter>();
        }
    }

    /// <summary>Applies migrations; for SQLite also switches the file to WAL so readers never wait for writers.</summary>
    public static async Task MigrateAsync(AppDbContext db, CancellationToken cancellationToken = default)
    {
        await db.Database.MigrateAsync(cancellationToken);
        if (db.Database.IsSqlite())
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", cancellationToken);
    }

    /// <summary>True when other writers held the database past the busy timeout (SQLite's SQLITE_BUSY and SQLITE_LOCKED).</summary>
    public static bool IsBusy(Exception exception) =>
        exception is SqliteException { SqliteErrorCode: 5 or 6 }
        || (exception.InnerException is { } inner && IsBusy(inner));

    internal sealed class MoneyAsCentsConverter() : ValueConverter<decimal, long>(
        money => (long)decimal.Round(money * 100m, MidpointRounding.AwayFromZero),
        cents => cents / 100m);

    internal sealed class UtcDateTimeConverter() : ValueConverter<DateTime, DateTime>(
        value => value.Kind == DateTimeKind.Local ? value.ToUniversalTime() : value,
        value => DateTime.SpecifyKind(value, DateTimeKind.Utc));
}
