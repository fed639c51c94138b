namespace WebApp.Api.Security;

/// <summary>Authentication scheme names of the API.</summary>
internal static class ApiAuthentication
{
    /// <summary>
    /// What every API endpoint authenticates with: the bearer token when the request has an Authorization header,
    /// else the site's session cookie. Challenges and refusals always answer as the API does (401/403 problems), never
    /// with the cookie's redirect to the login page.
    /// </summary>
    public const string Scheme = "Api";

    /// <summary>Personal API tokens: <c>Authorization: Bearer webapp_…</c>.</summary>
    public const string BearerScheme = "ApiBearer";

    /// <summary>Claim holding the id of the token a request was authenticated with.</summary>
    public const string TokenIdClaimType = "api_token_id";

    /// <summary>True when the caller presented credentials in the Authorization header (rather than relying on a cookie).</summary>
    public static bool HasAuthorizationHeader(HttpRequest request) => request.Headers.Authorization.Count > 0;
}
