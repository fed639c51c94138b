using System.Net;
using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using WebApp.Api.Tokens;
using WebApp.Tests.Infrastructure;

namespace WebApp.Tests.Api;

/// <summary>/Identity/Account/Manage/ApiTokens: make a token (shown once), list, revoke; only a hash is stored.</summary>
public class ApiTokensPageTests(ApiFactory factory) : IClassFixture<ApiFactory>
{
    private const string PageUrl = "/Identity/Account/Manage/ApiTokens";
    private static readonly int PrefixEnd = ApiTokenFormat.Marker.Length + ApiTokenFormat.PrefixLength;

    private static string Email(string who) => $"{who}-{ApiTestData.Unique()}@example.com";

    private static async Task<HttpResponseMessage> CreateAsync(HttpClient client, string name, string expiresInDays = "30") =>
        await client.PostFormAsync(PageUrl, new Dictionary<string, string> { ["Input.Name"] = name, ["Input.ExpiresInDays"] = expiresInDays },
            PageUrl + "?handler=Create", "#create-token");

    private static async Task<string> CreatedSecretAsync(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await response.ReadHtmlAsync();
        return page.QuerySelector("#new-token-value")?.GetAttribute("value") ?? throw new Xunit.Sdk.XunitException("No new token on the page");
    }

    [Fact]
    public async Task The_page_needs_a_signed_in_user()
    {
        using var response = await factory.CreateBrowserClient().GetAsync(PageUrl);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/Identity/Account/Login", response.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_account_menu_links_to_the_page()
    {
        var client = await factory.LoggedInClientAsync(Email("menu"), staff: false);

        var profile = await client.GetHtmlAsync("/Identity/Account/Manage");
        var tokens = await client.GetHtmlAsync(PageUrl);

        Assert.Equal(PageUrl, profile.QuerySelector("a#api-tokens")?.GetAttribute("href"));
        Assert.Equal("page", tokens.QuerySelector("a#api-tokens")?.GetAttribute("aria-current"));
        Assert.NotNull(profile.QuerySelector("a#personal-data"));
    }

    [Fact]
    public async Task A_new_token_is_shown_once_works_at_once_and_only_its_hash_is_stored()
    {
        var email = Email("maker");
        var client = await factory.LoggedInClientAsync(email, staff: false);

        using var created = await CreateAsync(client, "Nightly sync");
        var secret = await CreatedSecretAsync(created);
        var list = await client.GetHtmlAsync(PageUrl);

        Assert.Contains("no-store", created.Headers.CacheControl!.ToString());
        Assert.Matches("^webapp_[a-z2-7]{12}_[A-Za-z0-9_-]{43}$", secret);
        Assert.DoesNotContain(secret, list.DocumentElement.OuterHtml, StringComparison.Ordinal);
        var row = list.QuerySelector("#tokens tbody tr")!;
        Assert.Contains("Nightly sync", row.TextContent);
        Assert.Contains(secret[..PrefixEnd], row.TextContent);

        var stored = await factory.WithDbAsync(db => db.Set<ApiToken>().AsNoTracking().SingleAsync(t => t.User!.Email == email));
        Assert.Equal(SHA256.HashData(Encoding.UTF8.GetBytes(secret)), stored.SecretHash);
        Assert.Equal(secret[ApiTokenFormat.Marker.Length..PrefixEnd], stored.Prefix);
        Assert.InRange(stored.ExpiresAt!.Value, DateTime.UtcNow.AddDays(29), DateTime.UtcNow.AddDays(31));
        Assert.False(await factory.Database.ContainsTextAsync(secret[(PrefixEnd + 1)..]));

        using var call = await factory.CreateBearerClient(secret).GetAsync("/api/orders");
        await call.ExpectJsonAsync();
    }

    [Fact]
    public async Task Revoking_a_token_stops_it_on_the_next_request()
    {
        var client = await factory.LoggedInClientAsync(Email("revoker"), staff: false);
        using var created = await CreateAsync(client, "Short lived", expiresInDays: "7");
        var bearer = factory.CreateBearerClient(await CreatedSecretAsync(created));
        using (var before = await bearer.GetAsync("/api/orders")) await before.ExpectJsonAsync();

        using var revoked = await RevokeFirstAsync(client);
        using var after = await bearer.GetAsync("/api/orders");

        Assert.Equal(HttpStatusCode.Redirect, revoked.StatusCode);
        await after.ExpectProblemAsync(HttpStatusCode.Unauthorized);
        var page = await client.GetHtmlAsync(PageUrl);
        Assert.Contains("The token was revoked", page.Body!.TextContent);
        Assert.Contains("Revoked", page.QuerySelector("#tokens tbody tr")!.TextContent);
        Assert.Null(page.QuerySelector("form.revoke-token"));
    }

    private static async Task<HttpResponseMessage> RevokeFirstAsync(HttpClient client)
    {
        var page = await client.GetHtmlAsync(PageUrl);
        var form = page.QuerySelector("form.revoke-token")!;
        return await client.PostAsync(form.GetAttribute("action"), new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = page.AntiforgeryToken("form.revoke-token"),
        }));
    }

    [Fact]
    public async Task Revoking_needs_the_antiforgery_token()
    {
        var client = await factory.LoggedInClientAsync(Email("forged-revoke"), staff: false);
        using var created = await CreateAsync(client, "Kept");
        var bearer = factory.CreateBearerClient(await CreatedSecretAsync(created));
        var action = (await client.GetHtmlAsync(PageUrl)).QuerySelector("form.revoke-token")!.GetAttribute("action");

        using var response = await client.PostAsync(action, new FormUrlEncodedContent(new Dictionary<string, string>()));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        using var still = await bearer.GetAsync("/api/orders");
        await still.ExpectJsonAsync();
    }

    [Fact]
    public async Task Nobody_can_revoke_another_users_token()
    {
        var owner = await factory.CreateUserAsync(Email("owner"));
        var secret = await factory.CreateTokenAsync(owner.Id);
        var tokenId = await factory.WithDbAsync(db => db.Set<ApiToken>().Where(t => t.UserId == owner.Id).Select(t => t.Id).SingleAsync());
        var intruder = await factory.LoggedInClientAsync(Email("intruder"), staff: false);
        var page = await intruder.GetHtmlAsync(PageUrl);

        using var response = await intruder.PostAsync($"{PageUrl}?id={tokenId}&handler=Revoke", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = page.AntiforgeryToken(),
        }));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains("does not exist", (await intruder.GetHtmlAsync(PageUrl)).Body!.TextContent);
        using var still = await factory.CreateBearerClient(secret).GetAsync("/api/hello");
        await still.ExpectJsonAsync();
    }

    [Theory]
    [InlineData("", "30", "Give the token a name")]
    [InlineData("ok", "3", "Choose one of the lifetimes offered.")]
    public async Task A_bad_form_shows_its_errors_and_makes_no_token(string name, string expiresInDays, string message)
    {
        var email = Email("bad-form");
        var client = await factory.LoggedInClientAsync(email, staff: false);

        using var response = await CreateAsync(client, name, expiresInDays);

        var page = await response.ReadHtmlAsync();
        Assert.Contains(message, page.Body!.TextContent);
        Assert.Null(page.QuerySelector("#new-token-value"));
        Assert.Equal(0, await factory.WithDbAsync(db => db.Set<ApiToken>().CountAsync(t => t.User!.Email == email)));
    }

    [Fact]
    public async Task Names_are_shown_as_text()
    {
        var client = await factory.LoggedInClientAsync(Email("escaper"), staff: false);

        using var created = await CreateAsync(client, "<script>alert(1)</script>");
        var page = await created.ReadHtmlAsync();

        Assert.Empty(page.QuerySelectorAll("#tokens script"));
        Assert.Contains("<script>alert(1)</script>", page.QuerySelector("#tokens tbody tr td")!.TextContent);
    }

    [Fact]
    public async Task A_token_without_expiry_never_expires()
    {
        var email = Email("forever");
        var client = await factory.LoggedInClientAsync(email, staff: false);

        using var created = await CreateAsync(client, "Forever", expiresInDays: "0");
        await CreatedSecretAsync(created);

        Assert.Null(await factory.WithDbAsync(db => db.Set<ApiToken>().Where(t => t.User!.Email == email).Select(t => t.ExpiresAt).SingleAsync()));
    }
}
