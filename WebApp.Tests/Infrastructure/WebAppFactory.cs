using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using WebApp.Data;

namespace WebApp.Tests.Infrastructure;

/// <summary>
/// The real app over HTTP in memory, on its own database (migrated, empty): a SQLite file, or a fresh database on the
/// PostgreSQL server ./test.sh starts (see <see cref="TestDatabase"/>).
/// Environment "Testing": no demo data, mail to a per-factory pickup folder.
/// </summary>
public class WebAppFactory : WebApplicationFactory<Program>
{
    public string WorkDirectory { get; } = Directory.CreateTempSubdirectory("webapp-tests-").FullName;
    private readonly TestDatabase _ownDatabase = new();

    /// <summary>Another factory's database instead of this one's own (to restart the app on the same data).</summary>
    public TestDatabase? SharedDatabase { get; init; }

    public TestDatabase Database => SharedDatabase ?? _ownDatabase;
    public string MailPickupDirectory => System.IO.Path.Combine(WorkDirectory, "mail");
    public string MediaDirectory => System.IO.Path.Combine(WorkDirectory, "media");

    /// <summary>Everything the app logged at Warning and above (the configured level), for tests of security logging.</summary>
    public CapturedLogs Logs { get; } = new();

    /// <summary>Extra configuration a test class needs (applied last).</summary>
    protected virtual IDictionary<string, string?> ExtraSettings => new Dictionary<string, string?>();

    private bool _migrated;

    static WebAppFactory()
    {
        // Hundreds of hosts come and go in one test run: watching files with inotify would exhaust the per-user
        // limit of inotify instances (128 by default), so configuration is not reloaded and watchers poll.
        Environment.SetEnvironmentVariable("DOTNET_hostBuilder__reloadConfigOnChange", "false");
        Environment.SetEnvironmentVariable("DOTNET_USE_POLLING_FILE_WATCHER", "true");
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseContentRoot(RepositoryRoot.Path);
        builder.UseEnvironment("Testing");
        builder.ConfigureLogging(logging => logging.AddProvider(Logs));
        builder.ConfigureAppConfiguration((_, config) =>
        {
            var settings = new Dictionary<string, string?>
            {
                ["Email:PickupDirectory"] = MailPickupDirectory,
                ["Media:Root"] = MediaDirectory,
                ["Logging:LogLevel:Default"] = "Warning",
                // Tests share one client address and sign the same users in many times; the throttle tests lower these.
                ["Accounts:SignInThrottle:PerAddressPermitLimit"] = "100000",
                ["Accounts:SignInThrottle:PerAccountPermitLimit"] = "100000",
                ["Accounts:MailThrottle:PermitLimit"] = "1000",
            };
            foreach (var (key, value) in Database.Settings) settings[key] = value;
            foreach (var (key, value) in ExtraSettings) settings[key] = value;
            config.AddInMemoryCollection(settings);
        });
    }

    protected override void ConfigureClient(HttpClient client)
    {
        base.ConfigureClient(client);
        EnsureMigrated();
    }

    /// <summary>Applies the real migrations once, before the first request.</summary>
    public void EnsureMigrated()
    {
        if (_migrated) return;
        using var scope = Services.CreateScope();
        DatabaseProviders.MigrateAsync(scope.ServiceProvider.GetRequiredService<AppDbContext>()).GetAwaiter().GetResult();
        _migrated = true;
    }

    /// <summary>Runs work against the app's database in a fresh scope.</summary>
    public async Task<T> WithDbAsync<T>(Func<AppDbContext, Task<T>> work)
    {
        EnsureMigrated();
        await using var scope = Services.CreateAsyncScope();
        return await work(scope.ServiceProvider.GetRequiredService<AppDbContext>());
    }

    public Task WithDbAsync(Func<AppDbContext, Task> work) =>
        WithDbAsync(async db => { await work(db); return true; });

    public HttpClient CreateBrowserClient(bool followRedirects = false) =>
        CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = followRedirects, HandleCookies = true });

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing)
        {
            _ownDatabase.Dispose();
            try { Directory.Delete(WorkDirectory, recursive: true); } catch (IOException) { }
        }
    }
}
