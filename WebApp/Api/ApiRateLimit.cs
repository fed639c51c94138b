using System.Security.Claims;
using System.Threading.RateLimiting;
using Microsoft.Extensions.Options;
using WebApp.Api.Security;
using WebApp.Site;

namespace WebApp.Api;

/// <summary>
/// The API's part of the site's rate limiter (<see cref="SiteRateLimiting"/>): one fixed window per token, per
/// signed-in user (cookie) or per client address. Failed credentials are counted against the caller's address too, so
/// that guessing tokens costs the same budget as anonymous calls.
/// </summary>
internal sealed class ApiRateLimit : IRequestRateLimit, IDisposable
{
    private const string AddressPrefix = "address:";
    private readonly PartitionedRateLimiter<string> _byKey;

    public ApiRateLimit(IOptions<ApiRateLimitOptions> options, TimeProvider time)
    {
        var limits = options.Value;
        _byKey = PartitionedRateLimiter.Create<string, string>(key => key.Length == 0
            ? RateLimitPartition.GetNoLimiter(key)
            : WindowRateLimiter.Partition(key, key.StartsWith(AddressPrefix, StringComparison.Ordinal)
                ? limits.PermitLimit : limits.AuthenticatedPermitLimit, limits.Window, time));
        Limiter = _byKey.WithTranslatedKey<HttpContext>(Partition, leaveOpen: true);
    }

    public PartitionedRateLimiter<HttpContext> Limiter { get; }

    /// <summary>Takes a permit from the caller's address for a request whose credentials failed; null when allowed.</summary>
    public TimeSpan? RefuseFailedCredentials(HttpContext context)
    {
        using var lease = _byKey.AttemptAcquire(AddressKey(context));
        if (lease.IsAcquired) return null;
        return lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? wait : TimeSpan.FromMinutes(1);
    }

    public void Dispose()
    {
        Limiter.Dispose();
        _byKey.Dispose();
    }

    // Runs after authentication and authorization, so the caller is known; a failed token never gets this far.
    private static string Partition(HttpContext context)
    {
        if (!ApiSetup.IsApiRequest(context.Request)) return "";
        var user = context.User;
        if (user.Identity?.IsAuthenticated == true)
        {
            var tokenId = user.FindFirstValue(ApiAuthentication.TokenIdClaimType);
            return tokenId is not null ? "token:" + tokenId : "user:" + user.FindFirstValue(ClaimTypes.NameIdentifier);
        }
        return AddressKey(context);
    }

    private static string AddressKey(HttpContext context) => AddressPrefix + (context.Connection.RemoteIpAddress?.ToString() ?? "unknown");
}
