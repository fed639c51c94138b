using Microsoft.AspNetCore.DataProtection;
using WebApp.Data.Seeding;

namespace WebApp.Data;

public static class DatabaseStartup
{
    /// <summary>
    /// Keeps the Data Protection key ring (auth cookies, antiforgery tokens) in the database, so that a restart or
    /// another instance on the same database accepts what this one issued.
    /// </summary>
    public static IHostApplicationBuilder AddKeyRing(this IHostApplicationBuilder builder)
    {
        builder.Services.AddDataProtection()
            .SetApplicationName("WebApp")
            .PersistKeysToDbContext<AppDbContext>();
        return builder;
    }

    /// <summary>
    /// In Development: apply migrations and give an empty database its demo data. Other environments run the
    /// <c>migrate</c> command on deployment and never create accounts by themselves.
    /// </summary>
    public static async Task PrepareDatabaseAsync(this WebApplication app)
    {
        if (!app.Environment.IsDevelopment()) return;
        var cancellationToken = app.Lifetime.ApplicationStopping;
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        await DatabaseProviders.MigrateAsync(db, cancellationToken);
        await ActivatorUtilities.CreateInstance<DemoData>(scope.ServiceProvider).AddIfEmptyAsync(cancellationToken);
    }
}
