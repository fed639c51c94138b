using System.Threading.RateLimiting;

namespace WebApp.Site;

/// <summary>
/// One feature's part of the site's rate limiter. ASP.NET Core runs one global limiter; every registered part is chained
/// into it (a request must get a permit from each), and each part answers "no limit" for requests that are not its own.
/// </summary>
public interface IRequestRateLimit
{
    PartitionedRateLimiter<HttpContext> Limiter { get; }
}
