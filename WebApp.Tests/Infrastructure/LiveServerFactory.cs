using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace WebApp.Tests.Infrastructure;

/// <summary>The real app on Kestrel at a free loopback port, for a real browser.</summary>
public sealed class LiveServerFactory : WebAppFactory
{
    private readonly IDictionary<string, string?> _settings;

    public LiveServerFactory(IDictionary<string, string?>? settings = null)
    {
        _settings = settings ?? new Dictionary<string, string?>();
        UseKestrel(options => options.Listen(IPAddress.Loopback, 0));
    }

    protected override IDictionary<string, string?> ExtraSettings => _settings;

    /// <summary>The app's clock, when a test moves time on (e.g. past the security-stamp check) instead of waiting.</summary>
    public TimeProvider? Clock { get; init; }

    /// <summary>Services a test adds after the app's own (e.g. a startup filter that holds a request open).</summary>
    public Action<IServiceCollection>? TestServices { get; init; }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        if (Clock is not null) builder.ConfigureTestServices(services => services.AddSingleton(Clock));
        if (TestServices is not null) builder.ConfigureTestServices(TestServices);
    }

    /// <summary>Starts the server (once) after migrating its database; returns "http://127.0.0.1:port".</summary>
    public string Start()
    {
        StartServer();
        EnsureMigrated();
        var addresses = Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!;
        return addresses.Addresses.First().TrimEnd('/');
    }
}
