using Microsoft.AspNetCore.OutputCaching;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Primitives;
using Microsoft.Net.Http.Headers;
using WebApp.Cart;
using WebApp.Site;

namespace WebApp.Catalog.Caching;

/// <summary>
/// Caches a catalog page only for an anonymous visitor with no cart and no pending message, varied by the whole query
/// string, and never stores a response that sets a cookie, failed, was read before a catalog change or shows a count
/// kept from before one.
/// </summary>
/// <remarks>
/// Its services come from the request: the cache's store is built from the output cache's options, which hold this
/// policy, so taking them in the constructor would make a cycle.
/// </remarks>
internal sealed class CatalogPagePolicy : IOutputCachePolicy
{
    private static readonly object VersionKey = new();

    ValueTask IOutputCachePolicy.CacheRequestAsync(OutputCacheContext context, CancellationToken cancellationToken)
    {
        var http = context.HttpContext;
        var cache = http.RequestServices.GetRequiredService<CatalogPageCache>();
        var options = http.RequestServices.GetRequiredService<IOptions<CatalogPageCacheOptions>>();
        var cacheable = options.Value.Enabled && IsSharedView(http);
        context.EnableOutputCaching = true;
        context.AllowCacheLookup = cacheable;
        context.AllowCacheStorage = cacheable;
        context.AllowLocking = true;
        context.CacheVaryByRules.QueryKeys = "*";
        context.ResponseExpirationTimeSpan = options.Value.Expiry;
        context.Tags.Add(CatalogPageCache.Tag);
        http.Items[VersionKey] = cache.Version;

        // The pages' forms carry no antiforgery token (add-to-cart fetches one), so antiforgery no longer adds this header.
        http.Response.Headers.XFrameOptions = "SAMEORIGIN";
        // Browsers keep the page but ask again each time; a product page's ETag makes the answer a 304 when unchanged.
        http.Response.Headers.CacheControl = "no-cache";
        return ValueTask.CompletedTask;
    }

    ValueTask IOutputCachePolicy.ServeFromCacheAsync(OutputCacheContext context, CancellationToken cancellationToken) =>
        ValueTask.CompletedTask;

    ValueTask IOutputCachePolicy.ServeResponseAsync(OutputCacheContext context, CancellationToken cancellationToken)
    {
        var http = context.HttpContext;
        var cache = http.RequestServices.GetRequiredService<CatalogPageCache>();
        var response = http.Response;
        if (response.StatusCode != StatusCodes.Status200OK
            || !StringValues.IsNullOrEmpty(response.Headers.SetCookie)
            || http.Items[VersionKey] is not long readAt || readAt != cache.Version
            || CatalogPageCache.IsPossiblyStale(http))
        {
            context.AllowCacheStorage = false;
        }
        return ValueTask.CompletedTask;
    }

    /// <summary>
    /// A request whose page is the same for everyone: no sign-in, no API credentials, no cart and no one-time message.
    /// Other cookies (antiforgery, analytics) do not change the page.
    /// </summary>
    private static bool IsSharedView(HttpContext http)
    {
        var request = http.Request;
        return (HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method))
            && http.User.Identity?.IsAuthenticated != true
            && !request.Headers.ContainsKey(HeaderNames.Authorization)
            && !request.Cookies.ContainsKey(CartCookie.Name)
            && !Flash.Pending(http);
    }
}
