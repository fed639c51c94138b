using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Policy;
using WebApp.Accounts.Permissions;

namespace WebApp.Api.Security;

/// <summary>Policies of the API beside the permission policies (<c>[Authorize(Policy = "catalog.add_product")]</c>).</summary>
internal static class ApiPolicies
{
    /// <summary>
    /// On every API endpoint: authenticate with <see cref="ApiAuthentication.Scheme"/>, and refuse credentials that do not
    /// check out (a bad, revoked or expired token gets 401 even where anonymous callers are welcome).
    /// </summary>
    public const string Caller = "ApiCaller";
}

/// <summary>
/// No credentials, or credentials that check out: a token that authenticated, or a session whose user is still active
/// (as the database says now) and whose security stamp is current.
/// </summary>
internal sealed class ValidCredentialsRequirement : IAuthorizationRequirement
{
    public override string ToString() => "Valid credentials";
}

internal sealed class ValidCredentialsHandler(UserPermissions permissions) : AuthorizationHandler<ValidCredentialsRequirement>
{
    protected override async Task HandleRequirementAsync(AuthorizationHandlerContext context, ValidCredentialsRequirement requirement)
    {
        var http = context.Resource as HttpContext;
        if (context.User.Identity?.IsAuthenticated == true)
        {
            if (await permissions.GetAsync(context.User, http?.RequestAborted ?? default) is { IsActive: true }) context.Succeed(requirement);
        }
        else if (http is null || !ApiAuthentication.HasAuthorizationHeader(http.Request))
        {
            context.Succeed(requirement);
        }
    }
}

/// <summary>
/// Refusals on API endpoints are problem details: 401 through the bearer handler's challenge, 403 naming the
/// permissions that are missing. Everywhere else the framework's own handling (the site's redirects) applies.
/// </summary>
internal sealed class ApiAuthorizationResultHandler : IAuthorizationMiddlewareResultHandler
{
    private readonly AuthorizationMiddlewareResultHandler _default = new();

    public Task HandleAsync(RequestDelegate next, HttpContext context, AuthorizationPolicy policy, PolicyAuthorizationResult authorizeResult)
    {
        if (!authorizeResult.Forbidden || !ApiSetup.IsApiRequest(context.Request))
            return _default.HandleAsync(next, context, policy, authorizeResult);

        var failed = authorizeResult.AuthorizationFailure?.FailedRequirements.ToList() ?? [];
        // A deactivated user, or a session ended by a password change, is not "forbidden": their credentials no longer count.
        if (failed.OfType<ValidCredentialsRequirement>().Any())
        {
            context.Response.Headers.WWWAuthenticate = "Bearer";
            return ApiProblems.WriteAsync(context, StatusCodes.Status401Unauthorized,
                "Your account is inactive or your session has ended. Sign in again.");
        }

        var missing = failed.OfType<PermissionRequirement>().Select(r => r.Permission).Distinct().ToList();
        var detail = missing.Count == 0
            ? "You do not have permission to do this."
            : $"This needs the permission {string.Join(" and ", missing.Select(p => $"\"{p}\""))}, which your account does not have.";
        return ApiProblems.WriteAsync(context, StatusCodes.Status403Forbidden, detail);
    }
}
