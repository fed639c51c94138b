using System.ComponentModel.DataAnnotations;
using System.Globalization;
using System.Security.Claims;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;
using WebApp.Api.Security;

namespace WebApp.Api;

/// <summary>Configuration section <c>Api:RateLimit</c>: requests allowed per fixed window.</summary>
internal sealed class ApiRateLimitOptions
{
    public const string SectionName = "Api:RateLimit";

    /// <summary>Requests per window for each client address that calls without signing in.</summary>
    [Range(1, 1_000_000)]
    public int PermitLimit { get; set; } = 60;

    /// <summary>Requests per window for each token (or, with the session cookie, each user).</summary>
    [Range(1, 1_000_000)]
    public int AuthenticatedPermitLimit { get; set; } = 600;

    [Range(typeof(TimeSpan), "00:00:01", "1.00:00:00")]
    public TimeSpan Window { get; set; } = TimeSpan.FromMinutes(1);
}

/// <summary>
/// ASP.NET Core's rate limiter on every /api request: one fixed window per token, per signed-in user (cookie) or per
/// client address. A refusal is a 429 problem with Retry-After.
/// </summary>
internal static class ApiRateLimiting
{
    public static void AddApiRateLimiting(this IServiceCollection services)
    {
        services.AddOptions<ApiRateLimitOptions>()
            .BindConfiguration(ApiRateLimitOptions.SectionName)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.AddRateLimiter(_ => { });
        services.AddOptions<RateLimiterOptions>().Configure<IOptions<ApiRateLimitOptions>>((options, api) =>
        {
            var limits = api.Value;
            options.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(context =>
            {
                if (!ApiSetup.IsApiRequest(context.Request)) return RateLimitPartition.GetNoLimiter("");
                var (key, permits) = Partition(context, limits);
                return RateLimitPartition.GetFixedWindowLimiter(key, _ => new FixedWindowRateLimiterOptions
                {
                    PermitLimit = permits,
                    Window = limits.Window,
                    QueueLimit = 0,
                });
            });
            options.OnRejected = (rejected, _) =>
            {
                var retryAfter = rejected.Lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? wait : limits.Window;
                var seconds = Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds));
                rejected.HttpContext.Response.Headers[HeaderNames.RetryAfter] = seconds.ToString(CultureInfo.InvariantCulture);
                return new ValueTask(ApiProblems.WriteAsync(rejected.HttpContext, StatusCodes.Status429TooManyRequests,
                    $"Too many requests. Try again in {seconds} second{(seconds == 1 ? "" : "s")}."));
            };
        });
    }

    // Runs after authentication and authorization, so the caller is known; a failed token never gets this far.
    private static (string Key, int Permits) Partition(HttpContext context, ApiRateLimitOptions limits)
    {
        var user = context.User;
        if (user.Identity?.IsAuthenticated == true)
        {
            var tokenId = user.FindFirstValue(ApiAuthentication.TokenIdClaimType);
            var key = tokenId is not null ? "token:" + tokenId : "user:" + user.FindFirstValue(ClaimTypes.NameIdentifier);
            return (key, limits.AuthenticatedPermitLimit);
        }
        return ("address:" + (context.Connection.RemoteIpAddress?.ToString() ?? "unknown"), limits.PermitLimit);
    }
}
