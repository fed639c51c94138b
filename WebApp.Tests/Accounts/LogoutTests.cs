using System.Net;
using WebApp.Tests.Infrastructure;

namespace WebApp.Tests.Accounts;

public class LogoutTests : IDisposable
{
    private const string Email = "leaver@example.com";
    private readonly WebAppFactory _factory = new();

    public void Dispose() => _factory.Dispose();

    private async Task<HttpClient> LoggedInClientAsync()
    {
        await _factory.CreateUserAsync(Email);
        var client = _factory.CreateBrowserClient();
        (await client.LoginAsync(Email)).Dispose();
        Assert.True(await client.IsLoggedInAsync());
        return client;
    }

    [Fact]
    public async Task A_get_does_not_log_out()
    {
        var client = await LoggedInClientAsync();

        using var response = await client.GetAsync("/Identity/Account/Logout");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.True(await client.IsLoggedInAsync());
    }

    [Fact]
    public async Task A_post_with_the_token_logs_out()
    {
        var client = await LoggedInClientAsync();
        var manage = await client.GetHtmlAsync("/Identity/Account/Manage");

        using var response = await client.PostAsync("/Identity/Account/Logout", new FormUrlEncodedContent(
            new Dictionary<string, string> { ["__RequestVerificationToken"] = manage.AntiforgeryToken() }));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.False(await client.IsLoggedInAsync());
    }

    [Fact]
    public async Task Logging_out_from_the_navbar_says_so_on_the_home_page_once()
    {
        var client = await LoggedInClientAsync();
        var home = await client.GetHtmlAsync("/");

        using var response = await client.PostAsync(home.QuerySelector("form[action*='Logout']")!.GetAttribute("action"),
            new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = home.AntiforgeryToken("form[action*='Logout']") }));

        Assert.Equal("/", response.Headers.Location?.OriginalString);
        var landing = await client.GetHtmlAsync("/");
        Assert.Equal("You have logged out.", landing.QuerySelector(".status-message")?.TextContent.Trim());
        Assert.Null((await client.GetHtmlAsync("/products")).QuerySelector(".status-message"));
    }

    [Fact]
    public async Task A_post_without_the_token_is_rejected_and_keeps_the_user_logged_in()
    {
        var client = await LoggedInClientAsync();

        using var response = await client.PostAsync("/Identity/Account/Logout", new FormUrlEncodedContent([]));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.True(await client.IsLoggedInAsync());
    }

    [Theory]
    [InlineData("/café", "/caf%C3%A9")]
    [InlineData("https://evil.example.com/", "/")]
    public async Task A_return_url_is_made_safe_and_the_user_is_logged_out(string returnUrl, string location)
    {
        var client = await LoggedInClientAsync();
        var manage = await client.GetHtmlAsync("/Identity/Account/Manage");

        using var response = await client.PostAsync("/Identity/Account/Logout?returnUrl=" + Uri.EscapeDataString(returnUrl),
            new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = manage.AntiforgeryToken() }));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(location, response.Headers.Location?.OriginalString);
        Assert.False(await client.IsLoggedInAsync());
    }
}
