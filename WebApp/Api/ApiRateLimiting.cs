using System.ComponentModel.DataAnnotations;
using WebApp.Site;

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

/// <summary>Registers <see cref="ApiRateLimit"/> as a part of the site's rate limiter.</summary>
internal static class ApiRateLimiting
{
    public static void AddApiRateLimiting(this IServiceCollection services)
    {
        services.AddOptions<ApiRateLimitOptions>()
            .BindConfiguration(ApiRateLimitOptions.SectionName)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.AddSingleton<ApiRateLimit>();
        services.AddSingleton<IRequestRateLimit>(provider => provider.GetRequiredService<ApiRateLimit>());
    }
}
