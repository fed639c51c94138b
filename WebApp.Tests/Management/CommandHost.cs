using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using WebApp.Accounts;
using WebApp.Admin;
using WebApp.Api;
using WebApp.Cart;
using WebApp.Data;
using WebApp.Operations;
using WebApp.Site;
using WebApp.Tests.Infrastructure;

namespace WebApp.Tests.Management;

/// <summary>
/// The app built the way Program builds it for a command: the same services, and the host never started (so
/// start-up validation does not run). For environments the test factory cannot start, such as Production without SMTP.
/// </summary>
public sealed class CommandHost : IAsyncDisposable
{
    private readonly WebApplication _app;

    public string WorkDirectory { get; } = Directory.CreateTempSubdirectory("webapp-command-").FullName;
    private readonly TestDatabase _database = new();
    public IServiceProvider Services => _app.Services;

    public CommandHost(string environment, IDictionary<string, string?>? settings = null, Action<IServiceCollection>? replaceServices = null)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions
        {
            EnvironmentName = environment,
            ContentRootPath = RepositoryRoot.Path,
        });
        builder.Configuration.AddInMemoryCollection(_database.Settings);
        if (settings is not null) builder.Configuration.AddInMemoryCollection(settings);
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.AddAppDatabase();
        builder.AddAccounts();
        builder.AddSite();
        builder.AddShop();
        builder.AddAdmin();
        builder.AddApi();
        builder.AddOperations();
        replaceServices?.Invoke(builder.Services);
        _app = builder.Build();
    }

    public async ValueTask DisposeAsync()
    {
        await _app.DisposeAsync();
        _database.Dispose();
        try { Directory.Delete(WorkDirectory, recursive: true); } catch (IOException) { }
    }
}
