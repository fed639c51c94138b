using System.Threading.RateLimiting;
using Microsoft.Extensions.Options;
using WebApp.Site;

namespace WebApp.Contact;

/// <summary>Posts of the contact form per client address, in the site's global rate limiter: a refusal is the site's 429.</summary>
internal sealed class ContactRateLimit(IOptions<ContactOptions> options, TimeProvider time) : IRequestRateLimit, IDisposable
{
    public PartitionedRateLimiter<HttpContext> Limiter { get; } = PartitionedRateLimiter.Create<HttpContext, string>(context =>
        HttpMethods.IsPost(context.Request.Method) && context.Request.Path.Equals("/contact", StringComparison.OrdinalIgnoreCase)
            ? WindowRateLimiter.Partition("contact:" + (context.Connection.RemoteIpAddress?.ToString() ?? "unknown"),
                options.Value.PerAddressPermitLimit, options.Value.Window, time)
            : RateLimitPartition.GetNoLimiter(""));

    public void Dispose() => Limiter.Dispose();
}
