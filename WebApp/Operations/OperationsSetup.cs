using System.IO.Compression;
using System.Net;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.ResponseCompression;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Net.Http.Headers;

namespace WebApp.Operations;

/// <summary>
/// What running in production needs around the site: health endpoints, security headers, secure cookies, forwarded
/// headers from the configured proxies, compression, long-lived static files, JSON logs and a graceful shutdown.
/// </summary>
public static class OperationsSetup
{
    public const string LiveEndpoint = "/healthz";
    public const string ReadyEndpoint = "/readyz";
    internal const string ReadyTag = "ready";
    public const string InstanceNameKey = "Operations:InstanceName";
    public const string InstanceHeader = "X-Instance";

    public static IHostApplicationBuilder AddOperations(this IHostApplicationBuilder builder)
    {
        var production = builder.Environment.IsProduction();

        builder.Services.AddHealthChecks()
            .AddCheck<DatabaseReadyCheck>("database", tags: [ReadyTag]);

        // Proxies are trusted by address only: X-Forwarded-For/Proto from anyone else is ignored.
        builder.Services.Configure<ForwardedHeadersOptions>(options =>
        {
            options.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
            options.KnownIPNetworks.Clear();
            options.KnownProxies.Clear();
            foreach (var address in builder.Configuration.GetSection("Proxy:KnownProxies").Get<string[]>() ?? [])
                options.KnownProxies.Add(IPAddress.Parse(address));
        });

        builder.Services.AddResponseCompression(options =>
        {
            // HTTPS too: the antiforgery token differs in every response, so compression reveals no secret (BREACH).
            options.EnableForHttps = true;
            options.Providers.Add<BrotliCompressionProvider>();
            options.Providers.Add<GzipCompressionProvider>();
            options.MimeTypes = ResponseCompressionDefaults.MimeTypes.Concat(["image/svg+xml"]);
        });
        builder.Services.Configure<BrotliCompressionProviderOptions>(o => o.Level = CompressionLevel.Fastest);
        builder.Services.Configure<GzipCompressionProviderOptions>(o => o.Level = CompressionLevel.Fastest);

        // A versioned URL (asp-append-version adds ?v=hash) never changes content: cached for a year. Others for an hour.
        builder.Services.Configure<StaticFileOptions>(options => options.OnPrepareResponse = context =>
            context.Context.Response.Headers.CacheControl = context.Context.Request.Query.ContainsKey("v")
                ? "public, max-age=31536000, immutable"
                : "public, max-age=3600");

        // Behind the proxy the public HTTPS port is the proxy's, not one Kestrel listens on.
        builder.Services.AddHttpsRedirection(options =>
            options.HttpsPort = builder.Configuration.GetValue<int?>("Operations:HttpsPort") ?? 443);
        builder.Services.AddHsts(options =>
        {
            options.MaxAge = TimeSpan.FromDays(365);
            options.IncludeSubDomains = true;
        });

        if (production)
        {
            // __Host-: sent only over HTTPS, for this host and path / alone, so no subdomain can set or read it.
            builder.Services.PostConfigure<CookieAuthenticationOptions>(IdentityConstants.ApplicationScheme, options =>
            {
                options.Cookie.Name = "__Host-WebApp.Identity";
                options.Cookie.SecurePolicy = CookieSecurePolicy.Always;
                options.Cookie.Path = "/";
            });
            builder.Services.AddAntiforgery(options =>
            {
                options.Cookie.Name = "__Host-WebApp.Antiforgery";
                options.Cookie.SecurePolicy = CookieSecurePolicy.Always;
            });
            builder.Services.Configure<CookiePolicyOptions>(options => options.Secure = CookieSecurePolicy.Always);
            builder.Logging.ClearProviders();
            // One JSON object a line, with the request's id and trace id from the logging scopes.
            builder.Logging.AddJsonConsole(options =>
            {
                options.IncludeScopes = true;
                options.UseUtcTimestamp = true;
                options.TimestampFormat = "yyyy-MM-ddTHH:mm:ss.fffZ";
            });
        }

        // SIGTERM: Kestrel stops accepting, in-flight requests get this long to finish, hosted services (the outbox)
        // are cancelled and stop between messages.
        builder.Services.Configure<HostOptions>(options =>
            options.ShutdownTimeout = builder.Configuration.GetValue("Operations:ShutdownTimeout", TimeSpan.FromSeconds(30)));
        return builder;
    }

    private static bool IsOperationsPath(PathString path) =>
        path == LiveEndpoint || path == ReadyEndpoint || path == MetricsSetup.Endpoint;

    /// <summary>First in the pipeline, so that every response (errors and static files too) carries the headers.</summary>
    public static WebApplication UseOperations(this WebApplication app)
    {
        app.UseForwardedHeaders();
        app.UseMiddleware<SecurityHeaders>();
        // Names the instance that answered (Operations:InstanceName), so that a cluster's test can see the balancing. Set
        // as the response starts, so that a page from the shared output cache names the instance serving it, not the
        // one that stored it.
        if (app.Configuration[InstanceNameKey] is { Length: > 0 } instance)
            app.Use((context, next) =>
            {
                context.Response.OnStarting(() =>
                {
                    context.Response.Headers[InstanceHeader] = instance;
                    return Task.CompletedTask;
                });
                return next(context);
            });
        // Health checks and metrics are read over plain HTTP on the instance's own port (systemd, nginx, a scraper).
        if (app.Environment.IsProduction())
            app.UseWhen(context => !IsOperationsPath(context.Request.Path), https => https.UseHttpsRedirection());
        app.UseResponseCompression();
        if (app.Environment.IsProduction()) app.UseCookiePolicy();

        app.MapHealthChecks(LiveEndpoint, new HealthCheckOptions { Predicate = _ => false })
            .AllowAnonymous().DisableRateLimiting();
        app.MapHealthChecks(ReadyEndpoint, new HealthCheckOptions { Predicate = check => check.Tags.Contains(ReadyTag) })
            .AllowAnonymous().DisableRateLimiting();
        return app;
    }
}
