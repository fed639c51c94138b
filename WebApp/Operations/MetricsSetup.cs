using System.Net;
using OpenTelemetry.Metrics;

namespace WebApp.Operations;

/// <summary>
/// OpenTelemetry metrics in Prometheus format at /metrics: ASP.NET Core (requests, durations, Kestrel), the runtime (GC,
/// thread pool), EF Core's and Npgsql's own meters, and the shop's (<see cref="ShopMetrics"/>). The ASP.NET Core meters
/// are named one by one (<see cref="AspNetCoreMeters"/>) rather than all of them: the Components meter makes every
/// statically rendered component throw and catch an exception inside the framework (a tenth of the admin's changelist
/// time under load), and the Identity and authorization meters add work to every signed-in request for numbers the
/// audit log already gives. Only the addresses in
/// <c>Metrics:AllowedAddresses</c> (loopback by default) may read it; to anyone else it does not exist (404). Behind the
/// proxy the address is the visitor's (forwarded headers), so the public cannot scrape it through nginx.
/// </summary>
public static class MetricsSetup
{
    public const string Endpoint = "/metrics";

    /// <summary>Requests and their durations, connections, routing, unhandled errors and the rate limiter.</summary>
    private static readonly string[] AspNetCoreMeters =
    [
        "Microsoft.AspNetCore.Hosting", "Microsoft.AspNetCore.Server.Kestrel", "Microsoft.AspNetCore.Routing",
        "Microsoft.AspNetCore.Diagnostics", "Microsoft.AspNetCore.RateLimiting",
    ];

    public static IHostApplicationBuilder AddMetrics(this IHostApplicationBuilder builder)
    {
        builder.Services.AddSingleton<ShopMetrics>();
        builder.Services.AddOpenTelemetry().WithMetrics(metrics => metrics
            .AddMeter(AspNetCoreMeters)
            .AddRuntimeInstrumentation()
            .AddMeter(ShopMetrics.MeterName, "Microsoft.EntityFrameworkCore", "Npgsql")
            // Each scrape reads the values of that moment (the exporter would otherwise answer from a copy up to 300 ms old).
            .AddPrometheusExporter(options => options.ScrapeResponseCacheDurationMilliseconds = 0));
        return builder;
    }

    public static WebApplication UseMetrics(this WebApplication app)
    {
        var allowed = app.Configuration.GetSection("Metrics:AllowedAddresses").Get<string[]>() is { Length: > 0 } listed
            ? listed.Select(IPAddress.Parse).ToArray()
            : null;
        app.UseOpenTelemetryPrometheusScrapingEndpoint(context =>
            context.Request.Path == Endpoint && IsAllowed(context.Connection.RemoteIpAddress, allowed));
        return app;
    }

    /// <summary>Without a list, loopback only (a scraper on the same host, or a test).</summary>
    private static bool IsAllowed(IPAddress? address, IPAddress[]? allowed)
    {
        if (address is null) return false;
        if (address.IsIPv4MappedToIPv6) address = address.MapToIPv4();
        return allowed is null ? IPAddress.IsLoopback(address) : allowed.Any(a => a.Equals(address));
    }
}
