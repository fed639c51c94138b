using Microsoft.AspNetCore.Identity;
using WebApp.Accounts;
using WebApp.Catalog.Caching;
using WebApp.Data;
using WebApp.Data.Seeding;

namespace WebApp.Management;

/// <summary><c>seed --products N</c>: replaces the catalog with <see cref="LoadTestCatalog"/>'s generated one.</summary>
internal sealed class SeedCommand(CommandConsole console, int productCount) : ManagementCommand(console)
{
    public static IManagementCommand Create(CommandArguments arguments, CommandConsole console) =>
        new SeedCommand(console, arguments.RequiredInt("products", 0, LoadTestCatalog.MaxProducts));

    protected override async Task<int> ExecuteAsync(IServiceProvider services, CancellationToken cancellationToken)
    {
        var db = Database(services);
        var users = services.GetRequiredService<UserManager<ApplicationUser>>();
        Console.Out.WriteLine($"Replacing the catalog with {productCount:N0} generated products...");

        var started = DateTime.UtcNow;
        LoadTestCatalog.Summary summary;
        try
        {
            summary = await LoadTestCatalog.ReplaceCatalogAsync(db, users, services.GetRequiredService<Media.ImageUploads>(), productCount, written =>
                Console.Out.WriteLine($"  {written:N0} products ({(DateTime.UtcNow - started).TotalSeconds:N1} s)"),
                cancellationToken);
        }
        catch (CatalogInUseException e)
        {
            throw new CommandFailedException(e.Message);
        }

        // Its rows bypass EF Core's commands, so the catalog interceptor never saw them: the cached pages and counts go here
        // (in the shared store, when one is configured; a site running in another process without one keeps its own).
        await services.GetRequiredService<CatalogPageCache>().EvictAsync(cancellationToken);
        Console.Out.WriteLine(
            $"Seeded {summary.Categories} categories, {summary.Products:N0} products and {summary.Reviews:N0} reviews " +
            $"in {summary.Elapsed.TotalSeconds:N1} s.");
        return ManagementCommands.Success;
    }
}
