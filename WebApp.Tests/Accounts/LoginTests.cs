using System.Net;
using Microsoft.EntityFrameworkCore;
using WebApp.Tests.Infrastructure;

namespace WebApp.Tests.Accounts;

public class LoginTests : IDisposable
{
    private const string Email = "shopper@example.com";
    private readonly WebAppFactory _factory = new();

    public void Dispose() => _factory.Dispose();

    [Fact]
    public async Task Logging_in_sets_the_cookie_records_the_last_login_and_goes_back_to_the_local_return_url()
    {
        await _factory.CreateUserAsync(Email);
        var client = _factory.CreateBrowserClient();
        var before = DateTime.UtcNow;

        using var response = await client.LoginAsync(Email, returnUrl: "/Identity/Account/Manage");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/Identity/Account/Manage", response.Headers.Location?.OriginalString);
        Assert.Contains(response.Headers.GetValues("Set-Cookie"), c => c.StartsWith(".AspNetCore.Identity.Application=", StringComparison.Ordinal));
        Assert.True(await client.IsLoggedInAsync());
        var lastLogin = await _factory.WithDbAsync(db => db.Users.Where(u => u.Email == Email).Select(u => u.LastLogin).SingleAsync());
        Assert.NotNull(lastLogin);
        Assert.InRange(lastLogin.Value, before.AddSeconds(-1), DateTime.UtcNow.AddSeconds(1));
    }

    [Theory]
    [InlineData("https://evil.example.com/")]
    [InlineData("//evil.example.com/")]
    public async Task A_return_url_to_another_site_is_replaced_by_the_home_page(string returnUrl)
    {
        await _factory.CreateUserAsync(Email);
        var client = _factory.CreateBrowserClient();

        using var response = await client.LoginAsync(Email, returnUrl: returnUrl);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/", response.Headers.Location?.OriginalString);
    }

    [Fact]
    public async Task A_wrong_password_shows_a_message_and_counts_no_failure_towards_a_lockout()
    {
        await _factory.CreateUserAsync(Email);
        var client = _factory.CreateBrowserClient();

        using var response = await client.LoginAsync(Email, "Wrong!Pass9");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Invalid login attempt.", (await response.ReadHtmlAsync()).QuerySelector("form#account")!.TextContent);
        Assert.False(await client.IsLoggedInAsync());
        Assert.Equal(0, await _factory.WithDbAsync(db => db.Users.Where(u => u.Email == Email).Select(u => u.AccessFailedCount).SingleAsync()));
    }

    [Fact]
    public async Task Wrong_passwords_never_lock_the_account_so_nobody_can_lock_a_customer_out()
    {
        await _factory.CreateUserAsync(Email);
        var attacker = _factory.CreateBrowserClient();

        for (var attempt = 1; attempt <= 12; attempt++)
        {
            using var wrong = await attacker.LoginAsync(Email, "Wrong!Pass9");
            Assert.Equal(HttpStatusCode.OK, wrong.StatusCode);
        }
        var customer = _factory.CreateBrowserClient();
        using var right = await customer.LoginAsync(Email);

        Assert.Equal(HttpStatusCode.Redirect, right.StatusCode);
        Assert.Equal("/", right.Headers.Location?.OriginalString);
        Assert.True(await customer.IsLoggedInAsync());
        var user = await _factory.WithDbAsync(db => db.Users.SingleAsync(u => u.Email == Email));
        Assert.Null(user.LockoutEnd);
    }

    [Theory]
    [InlineData("/café", "/caf%C3%A9")]
    [InlineData("/products¿", "/products%C2%BF")]
    [InlineData("/a\r\nSet-Cookie: x=1", "/a%0D%0ASet-Cookie:%20x=1")]
    [InlineData("/a\u0000b", "/a%00b")]
    public async Task A_return_url_with_characters_a_header_cannot_carry_is_encoded_and_the_login_works(string returnUrl, string location)
    {
        await _factory.CreateUserAsync(Email);
        var client = _factory.CreateBrowserClient();

        using var response = await client.LoginAsync(Email, returnUrl: System.Text.RegularExpressions.Regex.Unescape(returnUrl));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(location, response.Headers.Location?.OriginalString);
        Assert.Contains(response.Headers.GetValues("Set-Cookie"), c => c.StartsWith(".AspNetCore.Identity.Application=", StringComparison.Ordinal));
        Assert.True(await client.IsLoggedInAsync());
        Assert.NotNull(await _factory.WithDbAsync(db => db.Users.Select(u => u.LastLogin).SingleAsync()));
    }

    [Fact]
    public async Task A_remember_me_value_that_is_not_a_boolean_is_a_validation_message()
    {
        await _factory.CreateUserAsync(Email);
        var client = _factory.CreateBrowserClient();

        using var response = await client.PostFormAsync("/Identity/Account/Login", new Dictionary<string, string>
        {
            ["Input.Email"] = Email, ["Input.Password"] = AccountTestData.Password, ["Input.RememberMe"] = "x",
        });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await response.ReadHtmlAsync();
        Assert.Contains("The value 'x' is not valid", page.QuerySelector("form#account")!.TextContent);
        Assert.False(((AngleSharp.Html.Dom.IHtmlInputElement)page.QuerySelector("input[type=checkbox][name='Input.RememberMe']")!).IsChecked);
        Assert.False(await client.IsLoggedInAsync());
        Assert.Null(await _factory.WithDbAsync(db => db.Users.Select(u => u.LastLogin).SingleAsync()));
    }

    [Fact]
    public async Task An_inactive_user_cannot_log_in_with_the_right_password()
    {
        await _factory.CreateUserAsync(Email, user => user.IsActive = false);
        var client = _factory.CreateBrowserClient();

        using var response = await client.LoginAsync(Email);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Invalid login attempt.", (await response.ReadHtmlAsync()).QuerySelector("form#account")!.TextContent);
        Assert.DoesNotContain(response.Headers.TryGetValues("Set-Cookie", out var cookies) ? cookies : [],
            c => c.StartsWith(".AspNetCore.Identity.Application=", StringComparison.Ordinal));
        Assert.False(await client.IsLoggedInAsync());
        Assert.Null(await _factory.WithDbAsync(db => db.Users.Where(u => u.Email == Email).Select(u => u.LastLogin).SingleAsync()));
    }

    [Fact]
    public async Task A_missing_email_is_a_validation_message_not_an_error()
    {
        var client = _factory.CreateBrowserClient();

        using var response = await client.PostFormAsync("/Identity/Account/Login",
            new Dictionary<string, string> { ["Input.Email"] = "", ["Input.Password"] = "x" });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("The Email field is required.", (await response.ReadHtmlAsync()).Body!.TextContent);
    }

    [Fact]
    public async Task A_post_without_the_antiforgery_token_is_rejected()
    {
        await _factory.CreateUserAsync(Email);
        var client = _factory.CreateBrowserClient();

        using var response = await client.PostAsync("/Identity/Account/Login", new FormUrlEncodedContent(
            new Dictionary<string, string> { ["Input.Email"] = Email, ["Input.Password"] = AccountTestData.Password }));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.False(await client.IsLoggedInAsync());
    }
}
