using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http.Extensions;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;
using WebApp.Api.Models;
using WebApp.Api.Security;

namespace WebApp.Api.Controllers;

/// <summary>
/// Every API controller: [ApiController] behaviour (automatic 400s, problem details for client errors), the API's
/// authentication (bearer token or session cookie), antiforgery for cookie-authenticated writes, strict query strings,
/// and the error responses every endpoint can give.
/// </summary>
[ApiController]
[Authorize(Policy = ApiPolicies.Caller)]
[ServiceFilter<ApiAntiforgeryFilter>]
[ServiceFilter<StrictQueryFilter>(Order = StrictQueryFilter.RunsBeforeModelStateCheck)]
[ProducesResponseType<ProblemDetails>(StatusCodes.Status401Unauthorized, ProblemJson)]
[ProducesResponseType<ProblemDetails>(StatusCodes.Status429TooManyRequests, ProblemJson)]
[ProducesResponseType<ProblemDetails>(StatusCodes.Status500InternalServerError, ProblemJson)]
internal abstract class ApiControllerBase : ControllerBase
{
    protected const string Json = "application/json";
    protected const string ProblemJson = "application/problem+json";

    /// <summary>The signed-in caller's user id (null when anonymous).</summary>
    protected string? CallerId =>
        User.FindFirstValue(HttpContext.RequestServices.GetRequiredService<IOptions<IdentityOptions>>().Value.ClaimsIdentity.UserIdClaimType);

    /// <summary>A 400 (or other) validation problem naming one field.</summary>
    protected ObjectResult FieldProblem(string field, string message, int statusCode = StatusCodes.Status400BadRequest, string? detail = null) =>
        ApiValidation.Problem(HttpContext, new Dictionary<string, string[]> { [field] = [message] }, statusCode, detail);

    /// <summary>Whether <paramref name="page"/> exists; page 1 always does, even of an empty list.</summary>
    protected static bool PageExists(int page, int pageSize, int total, out int pageCount)
    {
        pageCount = Math.Max(1, (total + pageSize - 1) / pageSize);
        return page <= pageCount;
    }

    protected ObjectResult PageMissing(int page, int pageCount) =>
        FieldProblem("page", $"Page {page} does not exist: there {(pageCount == 1 ? "is 1 page" : $"are {pageCount} pages")}.");

    /// <summary>A page of items with absolute links to its neighbours, keeping the caller's other query parameters.</summary>
    protected PageResponse<T> PageOf<T>(IReadOnlyList<T> items, int page, int pageSize, int total)
    {
        PageExists(page, pageSize, total, out var pageCount);
        return new PageResponse<T>
        {
            Items = items,
            Page = page,
            PageSize = pageSize,
            Total = total,
            Next = page < pageCount ? PageLink(page + 1) : null,
            Previous = page > 1 ? PageLink(page - 1) : null,
        };
    }

    private string PageLink(int page)
    {
        var query = new QueryBuilder(Request.Query
            .Where(parameter => !string.Equals(parameter.Key, "page", StringComparison.OrdinalIgnoreCase))
            .SelectMany(parameter => parameter.Value.Select(value => KeyValuePair.Create(parameter.Key, value ?? ""))));
        if (page > 1) query.Add("page", page.ToString(System.Globalization.CultureInfo.InvariantCulture));
        return UriHelper.BuildAbsolute(Request.Scheme, Request.Host, Request.PathBase, Request.Path, query.ToQueryString());
    }
}
