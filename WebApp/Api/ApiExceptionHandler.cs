using Microsoft.AspNetCore.Diagnostics;

namespace WebApp.Api;

/// <summary>
/// An unhandled exception on an /api request becomes a 500 problem (the exception handler middleware has logged it);
/// the site's HTML error page is for the site. Nothing about the exception reaches the client.
/// </summary>
internal sealed class ApiExceptionHandler : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        // By now the request's path is the site's error page; the feature keeps the one that failed.
        var path = httpContext.Features.Get<IExceptionHandlerPathFeature>()?.Path ?? httpContext.Request.Path;
        if (!ApiSetup.IsApiPath(path) || httpContext.Response.HasStarted) return false;
        await ApiProblems.WriteAsync(httpContext, StatusCodes.Status500InternalServerError,
            "Sorry, an error occurred on our side. Please try again in a moment.", instance: path);
        return true;
    }
}
