using System.Diagnostics;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.Mvc.RazorPages;
using WebApp.Site;

namespace WebApp.Pages;

/// <summary>
/// The friendly page for error status codes (re-executed with the original code kept) and for unhandled exceptions.
/// Never shows exception details: in Development the developer exception page does that instead.
/// </summary>
[AllowAnonymous]
[IgnoreAntiforgeryToken] // A failed POST is re-executed here as a POST; it must still get its error page.
[ResponseCache(Duration = 0, Location = ResponseCacheLocation.None, NoStore = true)]
internal sealed class ErrorModel : PageModel
{
    public int ErrorStatusCode { get; private set; }
    public string Title { get; private set; } = "";
    public string Explanation { get; private set; } = "";
    public string? RequestId { get; private set; }

    // Runs for every method (GET, POST, ...), even one the page has no handler for.
    public override void OnPageHandlerExecuting(PageHandlerExecutingContext context)
    {
        var requested = RouteData.Values["statusCode"] is string value && int.TryParse(value, out var code) ? code : (int?)null;
        if (requested is >= 400 and <= 599)
            Response.StatusCode = requested.Value;
        else if (Response.StatusCode < 400)
            Response.StatusCode = StatusCodes.Status500InternalServerError;

        ErrorStatusCode = Response.StatusCode;
        (Title, Explanation) = ErrorStatusCode switch
        {
            404 => ("Page not found", "We could not find the page you asked for. It may have moved, or the address may be mistyped."),
            403 => ("Access denied", "You do not have permission to see this page."),
            401 => ("Please log in", "You need to log in to see this page."),
            400 => ("Bad request", "The request could not be understood. Please go back and try again."),
            405 => ("Not allowed", "That kind of request is not allowed here."),
            429 => ("Too many attempts", "You have tried this too often for now. " + SiteRateLimiting.TryAgainIn(
                HttpContext.Items[SiteRateLimiting.RetryAfterItem] as int? ?? 60)),
            < 500 => ("Something is not right", "The request could not be completed."),
            _ => ("Something went wrong", "Sorry, an error occurred on our side. Please try again in a moment."),
        };
        if (ErrorStatusCode >= 500)
            RequestId = Activity.Current?.Id ?? HttpContext.TraceIdentifier;
    }
}
