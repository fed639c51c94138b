using System.Net;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
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

    /// <summary>Starts the server (once) after migrating its database; returns "http://127.0.0.1:port".</summary>
    public string Start()
    {
        StartServer();
        EnsureMigrated();
        var addresses = Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!;
        return addresses.Addresses.First().TrimEnd('/');
    }
}
