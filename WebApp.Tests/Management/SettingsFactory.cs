using Microsoft.AspNetCore.Hosting;
using WebApp.Tests.Infrastructure;

namespace WebApp.Tests.Management;

/// <summary>The test factory with some settings changed, and optionally another environment.</summary>
public sealed class SettingsFactory(Dictionary<string, string?> settings, string? environment = null) : WebAppFactory
{
    protected override IDictionary<string, string?> ExtraSettings => settings;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        if (environment is not null) builder.UseEnvironment(environment);
    }
}
