using System.Globalization;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;

namespace WebApp.Site;

/// <summary>
/// ASP.NET Core's rate limiter with every <see cref="IRequestRateLimit"/> chained. A refusal is a 429 with
/// <c>Retry-After</c> = the time left in the window; its body comes from the status-code pages (the site's error page,
/// or the API's problem details).
/// </summary>
internal static class SiteRateLimiting
{
    /// <summary>HttpContext.Items key holding the seconds of Retry-After, for the page that explains the 429.</summary>
    public const string RetryAfterItem = "RateLimit.RetryAfterSeconds";

    public static IServiceCollection AddSiteRateLimiting(this IServiceCollection services)
    {
        services.AddRateLimiter(_ => { });
        services.AddOptions<RateLimiterOptions>().Configure<IEnumerable<IRequestRateLimit>>((options, parts) =>
        {
            var limiters = parts.Select(p => p.Limiter).ToArray();
            if (limiters.Length > 0) options.GlobalLimiter = PartitionedRateLimiter.CreateChained(limiters);
            options.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            options.OnRejected = (rejected, _) =>
            {
                var seconds = rejected.Lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? RetryAfterSeconds(wait) : 60;
                SetRetryAfter(rejected.HttpContext, seconds);
                return ValueTask.CompletedTask;
            };
        });
        return services;
    }

    /// <summary>Whole seconds, rounded up and at least one, so that a client waiting that long finds the window renewed.</summary>
    public static int RetryAfterSeconds(TimeSpan wait) => Math.Max(1, (int)Math.Ceiling(wait.TotalSeconds));

    public static void SetRetryAfter(HttpContext context, int seconds)
    {
        context.Response.StatusCode = StatusCodes.Status429TooManyRequests;
        context.Response.Headers[HeaderNames.RetryAfter] = seconds.ToString(CultureInfo.InvariantCulture);
        context.Items[RetryAfterItem] = seconds;
    }

    /// <summary>"Try again in 3 minutes." for the seconds of a Retry-After.</summary>
    public static string TryAgainIn(int seconds) => seconds < 120
        ? $"Try again in {seconds} second{(seconds == 1 ? "" : "s")}."
        : $"Try again in {(seconds + 59) / 60} minutes.";
}
