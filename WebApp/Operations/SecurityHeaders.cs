namespace WebApp.Operations;

/// <summary>
/// The browser-side defences on every response: a Content-Security-Policy that allows scripts and styles from the site's
/// own files only (no inline script, no inline style), no framing, no MIME sniffing, a short referrer and no powerful
/// features. HSTS is added by UseHsts outside Development.
/// </summary>
internal sealed class SecurityHeaders(RequestDelegate next)
{
    // data: images: Bootstrap draws its form controls' icons with SVG data URIs in its stylesheet.
    public const string ContentSecurityPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self'; connect-src 'self'; " +
        "object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

    public Task InvokeAsync(HttpContext context)
    {
        context.Response.OnStarting(() =>
        {
            var headers = context.Response.Headers;
            headers.ContentSecurityPolicy = ContentSecurityPolicy;
            headers.XContentTypeOptions = "nosniff";
            headers.XFrameOptions = "DENY";
            headers["Referrer-Policy"] = "strict-origin-when-cross-origin";
            headers["Permissions-Policy"] = "camera=(), microphone=(), geolocation=(), payment=(), usb=()";
            return Task.CompletedTask;
        });
        return next(context);
    }
}
