using System.Net.Http.Headers;
using Microsoft.Extensions.DependencyInjection;
using WebApp.Api.Tokens;
using WebApp.Tests.Infrastructure;

namespace WebApp.Tests.Api;

/// <summary>The app for API tests: rate limits high enough that only the rate-limit tests meet them.</summary>
public class ApiFactory : WebAppFactory
{
    protected virtual int PermitLimit => 100_000;

    protected override IDictionary<string, string?> ExtraSettings => new Dictionary<string, string?>
    {
        ["Api:RateLimit:PermitLimit"] = PermitLimit.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["Api:RateLimit:AuthenticatedPermitLimit"] = (PermitLimit * 2).ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["Api:RateLimit:Window"] = "01:00:00",
    };

    /// <summary>A client that sends <c>Authorization: Bearer {token}</c> and keeps no cookies.</summary>
    public HttpClient CreateBearerClient(string token)
    {
        var client = CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    /// <summary>A token for the user, made by the same service as the account page.</summary>
    public async Task<string> CreateTokenAsync(string userId, string name = "test", DateTime? expiresAt = null)
    {
        EnsureMigrated();
        await using var scope = Services.CreateAsyncScope();
        var tokens = scope.ServiceProvider.GetRequiredService<ApiTokenService>();
        return (await tokens.CreateAsync(userId, name, expiresAt, CancellationToken.None)).Secret;
    }

    /// <summary>A new user (with permissions granted directly) and a bearer client for a token of theirs.</summary>
    public async Task<(HttpClient Client, string UserId)> UserClientAsync(
        string email, bool superuser = false, bool active = true, params string[] permissions)
    {
        var user = await this.CreateUserAsync(email, staff: false, superuser: superuser, active: active, permissions);
        return (CreateBearerClient(await CreateTokenAsync(user.Id)), user.Id);
    }
}

/// <summary>An API factory whose anonymous callers get only a few requests per window.</summary>
public sealed class RateLimitedApiFactory : ApiFactory
{
    public const int Limit = 3;

    protected override int PermitLimit => Limit;
}
