using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using WebApp.Api.Tokens;
using WebApp.Catalog;
using WebApp.Tests.Infrastructure;

namespace WebApp.Tests.Api;

/// <summary>Who may call what: 401 for missing or bad credentials, 403 for a missing permission, and the session cookie's rules.</summary>
public class ApiAuthenticationTests(ApiFactory factory) : IClassFixture<ApiFactory>
{
    private static string Email(string who) => $"{who}-{ApiTestData.Unique()}@example.com";

    private async Task<object> NewProductAsync()
    {
        var category = await factory.CreateCategoryAsync();
        var id = ApiTestData.Unique();
        return new { name = $"Lamp {id}", slug = $"lamp-{id}", sku = $"L-{id}", price = 5m, stock = 1, categoryId = category.Id };
    }

    private async Task<HttpResponseMessage> CreateWithAsync(HttpClient client) => await client.PostAsJsonAsync("/api/products", await NewProductAsync());

    private static async Task<string?> DetailOfAsync(HttpResponseMessage response, HttpStatusCode status) =>
        (await response.ExpectProblemAsync(status)).GetProperty("detail").GetString();

    [Fact]
    public async Task Without_credentials_a_protected_endpoint_answers_401_with_a_bearer_challenge()
    {
        using var response = await CreateWithAsync(factory.CreateClient());

        await response.ExpectProblemAsync(HttpStatusCode.Unauthorized);
        Assert.Equal("Bearer", response.Headers.WwwAuthenticate.Single().Scheme);
    }

    [Theory]
    [InlineData("Bearer not-a-token")]
    [InlineData("Bearer webapp_aaaaaaaaaaaa_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA")]
    [InlineData("Basic dXNlcjpwYXNz")]
    [InlineData("Bearer")]
    public async Task A_bad_token_is_refused_with_401_even_where_anonymous_callers_are_welcome(string authorization)
    {
        var client = factory.CreateClient();
        client.DefaultRequestHeaders.TryAddWithoutValidation("Authorization", authorization);

        using var publicEndpoint = await client.GetAsync("/api/hello");
        using var protectedEndpoint = await client.GetAsync("/api/orders");

        await publicEndpoint.ExpectProblemAsync(HttpStatusCode.Unauthorized);
        await protectedEndpoint.ExpectProblemAsync(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task A_token_of_a_real_user_with_a_wrong_secret_is_refused()
    {
        var user = await factory.CreateUserAsync(Email("wrong-secret"));
        var token = await factory.CreateTokenAsync(user.Id);
        var forged = token[..^4] + (token.EndsWith("AAAA", StringComparison.Ordinal) ? "BBBB" : "AAAA");

        using var response = await factory.CreateBearerClient(forged).GetAsync("/api/hello");

        Assert.Equal(ApiTokenService.InvalidToken, await DetailOfAsync(response, HttpStatusCode.Unauthorized));
    }

    [Fact]
    public async Task A_revoked_token_is_refused()
    {
        var user = await factory.CreateUserAsync(Email("revoked"));
        var token = await factory.CreateTokenAsync(user.Id);
        await factory.WithDbAsync(db => db.Set<ApiToken>().Where(t => t.UserId == user.Id).ExecuteUpdateAsync(s => s.SetProperty(t => t.RevokedAt, DateTime.UtcNow)));

        using var response = await factory.CreateBearerClient(token).GetAsync("/api/hello");

        Assert.Equal("This token has been revoked.", await DetailOfAsync(response, HttpStatusCode.Unauthorized));
    }

    [Fact]
    public async Task An_expired_token_is_refused()
    {
        var user = await factory.CreateUserAsync(Email("expired"));
        var token = await factory.CreateTokenAsync(user.Id, expiresAt: DateTime.UtcNow.AddSeconds(-1));

        using var response = await factory.CreateBearerClient(token).GetAsync("/api/hello");

        Assert.Equal("This token has expired.", await DetailOfAsync(response, HttpStatusCode.Unauthorized));
    }

    [Fact]
    public async Task A_token_of_an_inactive_user_is_refused_from_the_next_request_on()
    {
        var email = Email("deactivated");
        var (client, _) = await factory.UserClientAsync(email, permissions: "catalog.add_product");
        using (var before = await client.GetAsync("/api/orders")) await before.ExpectJsonAsync();

        await factory.UpdateUserAsync(email, user => user.IsActive = false);
        using var after = await client.GetAsync("/api/orders");

        Assert.Equal("The account this token belongs to is inactive.", await DetailOfAsync(after, HttpStatusCode.Unauthorized));
    }

    [Fact]
    public async Task A_token_without_the_permission_is_refused_with_403_naming_it()
    {
        var (client, _) = await factory.UserClientAsync(Email("no-permission"), permissions: "catalog.change_product");

        using var response = await CreateWithAsync(client);

        Assert.Equal("This needs the permission \"catalog.add_product\", which your account does not have.",
            await DetailOfAsync(response, HttpStatusCode.Forbidden));
    }

    [Fact]
    public async Task A_permission_granted_directly_through_a_role_or_by_superuser_status_lets_the_token_in()
    {
        var (direct, _) = await factory.UserClientAsync(Email("direct"), permissions: "catalog.add_product");
        var roleEmail = Email("role");
        var (throughRole, _) = await factory.UserClientAsync(roleEmail);
        await factory.GrantThroughRoleAsync(roleEmail, $"Editors {ApiTestData.Unique()}", "catalog.add_product");
        var (superuser, _) = await factory.UserClientAsync(Email("superuser"), superuser: true);

        foreach (var client in new[] { direct, throughRole, superuser })
        {
            using var response = await CreateWithAsync(client);
            await response.ExpectJsonAsync(HttpStatusCode.Created);
        }
    }

    [Fact]
    public async Task A_permission_taken_away_is_gone_on_the_next_request()
    {
        var email = Email("demoted");
        var (client, _) = await factory.UserClientAsync(email, permissions: "catalog.add_product");
        using (var before = await CreateWithAsync(client)) await before.ExpectJsonAsync(HttpStatusCode.Created);

        await factory.RemovePermissionAsync(email, "catalog.add_product");
        using var after = await CreateWithAsync(client);

        await after.ExpectProblemAsync(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task Using_a_token_records_its_last_use_at_most_once_a_minute()
    {
        var user = await factory.CreateUserAsync(Email("last-used"));
        var client = factory.CreateBearerClient(await factory.CreateTokenAsync(user.Id));
        Task<DateTime?> LastUsedAsync() => factory.WithDbAsync(db => db.Set<ApiToken>().Where(t => t.UserId == user.Id).Select(t => t.LastUsedAt).SingleAsync());
        Task SetLastUsedAsync(DateTime value) => factory.WithDbAsync(db => db.Set<ApiToken>().Where(t => t.UserId == user.Id).ExecuteUpdateAsync(s => s.SetProperty(t => t.LastUsedAt, value)));

        Assert.Null(await LastUsedAsync());
        using (var first = await client.GetAsync("/api/hello")) await first.ExpectJsonAsync();
        var recorded = await LastUsedAsync();
        Assert.NotNull(recorded);

        var recent = TestDatabase.Storable(DateTime.UtcNow.AddSeconds(-30));
        await SetLastUsedAsync(recent);
        using (var second = await client.GetAsync("/api/hello")) await second.ExpectJsonAsync();
        Assert.Equal(recent, await LastUsedAsync());

        var old = TestDatabase.Storable(DateTime.UtcNow.AddMinutes(-2));
        await SetLastUsedAsync(old);
        using (var third = await client.GetAsync("/api/hello")) await third.ExpectJsonAsync();
        Assert.True(await LastUsedAsync() > old.AddMinutes(1));
    }

    [Fact]
    public async Task The_session_cookie_works_for_reads()
    {
        var email = Email("cookie-reader");
        var client = await factory.LoggedInClientAsync(email, staff: false);

        using var response = await client.GetAsync("/api/orders");

        await response.ExpectJsonAsync();
    }

    [Fact]
    public async Task A_cookie_write_needs_the_antiforgery_header()
    {
        var client = await factory.LoggedInClientAsync(Email("cookie-writer"), staff: false, superuser: true);
        var product = await NewProductAsync();

        using var withoutToken = await client.PostAsJsonAsync("/api/products", product);
        var page = await client.GetHtmlAsync("/Identity/Account/Manage/ApiTokens");
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/products") { Content = JsonContent.Create(product) };
        request.Headers.Add("RequestVerificationToken", page.AntiforgeryToken());
        using var withToken = await client.SendAsync(request);

        var problem = await withoutToken.ExpectProblemAsync(HttpStatusCode.BadRequest);
        Assert.Contains("RequestVerificationToken", problem.GetProperty("detail").GetString());
        await withToken.ExpectJsonAsync(HttpStatusCode.Created);
    }

    [Fact]
    public async Task A_cookie_caller_without_the_permission_gets_403_not_a_redirect()
    {
        var client = await factory.LoggedInClientAsync(Email("cookie-plain"), staff: false);

        using var response = await CreateWithAsync(client);

        await response.ExpectProblemAsync(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task An_anonymous_browser_gets_401_not_a_redirect_to_the_login_page()
    {
        using var response = await factory.CreateBrowserClient().GetAsync("/api/orders");

        await response.ExpectProblemAsync(HttpStatusCode.Unauthorized);
        Assert.Null(response.Headers.Location);
    }

    [Fact]
    public async Task A_deactivated_users_session_no_longer_counts()
    {
        var email = Email("cookie-deactivated");
        var client = await factory.LoggedInClientAsync(email, staff: false);

        await factory.UpdateUserAsync(email, user => user.IsActive = false);
        using var response = await client.GetAsync("/api/orders");

        await response.ExpectProblemAsync(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task A_bearer_token_takes_precedence_over_the_cookie_and_needs_no_antiforgery()
    {
        var client = await factory.LoggedInClientAsync(Email("both"), staff: false);
        var (_, writerId) = await factory.UserClientAsync(Email("writer"), permissions: "catalog.add_product");
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", await factory.CreateTokenAsync(writerId));

        using var response = await CreateWithAsync(client);

        await response.ExpectJsonAsync(HttpStatusCode.Created);
    }

    [Fact]
    public async Task The_api_schemes_are_not_offered_as_external_logins()
    {
        var page = await factory.CreateBrowserClient().GetHtmlAsync("/Identity/Account/Login");

        Assert.Null(page.QuerySelector("#external-account"));
        Assert.DoesNotContain("ApiBearer", page.Body!.InnerHtml, StringComparison.Ordinal);
    }
}
