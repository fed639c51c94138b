using Microsoft.AspNetCore.Mvc;

namespace WebApp.Api;

/// <summary>RFC 9457 problem details for responses written outside MVC (authentication, rate limiting, routing, errors).</summary>
internal static class ApiProblems
{
    public static Task WriteAsync(HttpContext context, int statusCode, string? detail = null, string? instance = null)
    {
        var problem = new ProblemDetails { Status = statusCode, Detail = detail, Instance = instance };
        // The framework's problem details service fills in title, type and trace id; if the client's Accept header
        // rules out JSON it declines, and the JSON is written anyway: the API never answers with HTML.
        return TypedResults.Problem(problem).ExecuteAsync(context);
    }
}
