using System.Net;
using Microsoft.EntityFrameworkCore;
using WebApp.Tests.Infrastructure;

namespace WebApp.Tests.Accounts;

public class RegisterTests : IDisposable
{
    private const string Email = "newcomer@example.com";
    private readonly WebAppFactory _factory = new();

    public void Dispose() => _factory.Dispose();

    private static Dictionary<string, string> Form(string password, string? confirm = null) => new()
    {
        ["Input.Email"] = Email,
        ["Input.Password"] = password,
        ["Input.ConfirmPassword"] = confirm ?? password,
    };

    [Theory]
    [InlineData("https://evil.example.com/")]
    [InlineData("//evil.example.com/")]
    public async Task A_return_url_to_another_site_sends_the_new_customer_home_not_away(string returnUrl)
    {
        var client = _factory.CreateBrowserClient();

        using var response = await client.PostFormAsync("/Identity/Account/Register?returnUrl=" + Uri.EscapeDataString(returnUrl),
            Form(AccountTestData.Password));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/", response.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task Logging_out_with_a_return_url_to_another_site_goes_home()
    {
        var client = _factory.CreateBrowserClient();
        using (await client.PostFormAsync("/Identity/Account/Register", Form(AccountTestData.Password))) { }

        using var response = await client.PostFormAsync("/", new Dictionary<string, string>(),
            postUrl: "/Identity/Account/Logout?returnUrl=" + Uri.EscapeDataString("https://evil.example.com/"),
            formSelector: "form[action^='/Identity/Account/Logout']");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.DoesNotContain("evil", response.Headers.Location!.OriginalString);
        Assert.False(await client.IsLoggedInAsync());
    }

    [Fact]
    public async Task Registering_creates_an_active_customer_logs_in_and_mails_a_working_confirmation_link()
    {
        var client = _factory.CreateBrowserClient();
        var before = DateTime.UtcNow;

        using var response = await client.PostFormAsync("/Identity/Account/Register", Form(AccountTestData.Password));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.True(await client.IsLoggedInAsync());
        var user = await _factory.WithDbAsync(db => db.Users.SingleAsync());
        Assert.Equal(Email, user.Email);
        Assert.True(user.IsActive);
        Assert.False(user.IsStaff || user.IsSuperuser);
        Assert.False(user.EmailConfirmed);
        Assert.InRange(user.DateJoined, before.AddSeconds(-1), DateTime.UtcNow.AddSeconds(1));
        Assert.NotNull(user.LastLogin);

        var mail = Assert.Single(MailPickup.ReadAll(_factory.MailPickupDirectory));
        Assert.Equal(Email, mail.To);
        Assert.Equal("Confirm your email", mail.Subject);
        var link = new Uri(mail.FirstLink());
        Assert.Equal("/Identity/Account/ConfirmEmail", link.AbsolutePath);

        using var confirmation = await client.GetAsync(link.PathAndQuery);
        Assert.Equal(HttpStatusCode.OK, confirmation.StatusCode);
        Assert.Contains("Thank you for confirming your email.", await confirmation.Content.ReadAsStringAsync());
        Assert.True(await _factory.WithDbAsync(db => db.Users.Select(u => u.EmailConfirmed).SingleAsync()));
    }

    [Fact]
    public async Task A_weak_password_is_refused_with_the_validators_messages()
    {
        var client = _factory.CreateBrowserClient();

        using var response = await client.PostFormAsync("/Identity/Account/Register", Form("password"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var text = (await response.ReadHtmlAsync()).Body!.TextContent;
        Assert.Contains("Passwords must have at least one digit", text);
        Assert.Equal(0, await _factory.WithDbAsync(db => db.Users.CountAsync()));
        Assert.Empty(MailPickup.ReadAll(_factory.MailPickupDirectory));
    }

    [Fact]
    public async Task A_taken_email_is_refused()
    {
        await _factory.CreateUserAsync(Email);
        var client = _factory.CreateBrowserClient();

        using var response = await client.PostFormAsync("/Identity/Account/Register", Form(AccountTestData.Password));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("is already taken", (await response.ReadHtmlAsync()).Body!.TextContent);
        Assert.Equal(1, await _factory.WithDbAsync(db => db.Users.CountAsync()));
    }
}
