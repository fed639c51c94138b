using System.Security.Claims;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;
using WebApp.Api.Tokens;
using WebApp.Site;

namespace WebApp.Api.Security;

/// <summary>
/// Authenticates <c>Authorization: Bearer &lt;token&gt;</c> with a personal API token, checked against the database on
/// every request; answers challenges and refusals with problem details instead of redirects.
/// </summary>
internal sealed class ApiBearerHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options,
    ILoggerFactory logger,
    UrlEncoder encoder,
    ApiTokenService tokens,
    ApiRateLimit rateLimit,
    IOptions<IdentityOptions> identityOptions)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    private const string BearerPrefix = "Bearer ";

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        if (!ApiAuthentication.HasAuthorizationHeader(Request)) return AuthenticateResult.NoResult();
        var header = Request.Headers.Authorization.ToString();
        if (Request.Headers.Authorization.Count != 1 || !header.StartsWith(BearerPrefix, StringComparison.OrdinalIgnoreCase))
            return AuthenticateResult.Fail("Send the token as \"Authorization: Bearer <token>\".");

        var check = await tokens.CheckAsync(header[BearerPrefix.Length..].Trim(), Context.RequestAborted);
        if (!check.Succeeded) return AuthenticateResult.Fail(check.Failure!);

        var claimTypes = identityOptions.Value.ClaimsIdentity;
        var identity = new ClaimsIdentity(
            [
                new Claim(claimTypes.UserIdClaimType, check.UserId!),
                new Claim(claimTypes.UserNameClaimType, check.UserName ?? check.UserId!),
                new Claim(ApiAuthentication.TokenIdClaimType, check.TokenId.ToString(System.Globalization.CultureInfo.InvariantCulture)),
            ],
            Scheme.Name, claimTypes.UserNameClaimType, claimTypes.RoleClaimType);
        return AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), Scheme.Name));
    }

    protected override async Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        var result = await HandleAuthenticateOnceSafeAsync();
        var failure = result.Failure?.Message;
        if (failure is not null && rateLimit.RefuseFailedCredentials(Context) is { } wait)
        {
            // Guessing tokens spends the caller's anonymous budget; past it, the answer is the limiter's.
            var seconds = SiteRateLimiting.RetryAfterSeconds(wait);
            SiteRateLimiting.SetRetryAfter(Context, seconds);
            await ApiProblems.WriteAsync(Context, StatusCodes.Status429TooManyRequests, "Too many requests. " + SiteRateLimiting.TryAgainIn(seconds));
            return;
        }
        Response.Headers[HeaderNames.WWWAuthenticate] = failure is null ? "Bearer" : "Bearer error=\"invalid_token\"";
        await ApiProblems.WriteAsync(Context, StatusCodes.Status401Unauthorized,
            failure ?? "Authentication is required: send \"Authorization: Bearer <token>\" or call from a signed-in browser session.");
    }

    protected override Task HandleForbiddenAsync(AuthenticationProperties properties) =>
        ApiProblems.WriteAsync(Context, StatusCodes.Status403Forbidden, "You do not have permission to do this.");
}
