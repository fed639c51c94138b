using System.Net;
using Microsoft.EntityFrameworkCore;
using WebApp.Accounts.Mail;
using WebApp.Mail;
using WebApp.Tests.Infrastructure;

namespace WebApp.Tests.Accounts;

public class RegisterTests : IDisposable
{
    private const string Email = "newcomer@example.com";
    private const string CheckYourEmail = "/Identity/Account/RegisterConfirmation";
    private readonly AccountsFactory _factory = new();

    public void Dispose() => _factory.Dispose();

    private static Dictionary<string, string> Form(string password, string? confirm = null, string email = Email) => new()
    {
        ["Input.Email"] = email,
        ["Input.Password"] = password,
        ["Input.ConfirmPassword"] = confirm ?? password,
    };

    private Task<HttpResponseMessage> RegisterAsync(HttpClient client, Dictionary<string, string> form, string query = "") =>
        client.PostFormAsync("/Identity/Account/Register" + query, form);

    [Fact]
    public async Task Registering_creates_an_active_customer_and_mails_a_working_confirmation_link()
    {
        var client = _factory.CreateBrowserClient();
        var before = DateTime.UtcNow;

        using var response = await RegisterAsync(client, Form(AccountTestData.Password));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(CheckYourEmail, response.Headers.Location!.OriginalString);
        Assert.Contains("Check your email", (await client.GetHtmlAsync(CheckYourEmail)).Body!.TextContent);
        var user = await _factory.WithDbAsync(db => db.Users.SingleAsync());
        Assert.Equal(Email, user.Email);
        Assert.True(user.IsActive);
        Assert.False(user.IsStaff || user.IsSuperuser || user.EmailConfirmed);
        Assert.InRange(user.DateJoined, before.AddSeconds(-1), DateTime.UtcNow.AddSeconds(1));

        var mail = Assert.Single(await _factory.MailToAsync(Email));
        Assert.Equal(AccountEmails.ConfirmSubject, mail.Subject);
        var link = new Uri(new PickedUpMail(mail.To, mail.Subject, mail.HtmlBody).FirstLink());
        Assert.Equal("/Identity/Account/ConfirmEmail", link.AbsolutePath);
        using var confirmation = await client.GetAsync(link.PathAndQuery);
        Assert.Equal(HttpStatusCode.OK, confirmation.StatusCode);
        Assert.Contains("Thank you for confirming your email.", await confirmation.Content.ReadAsStringAsync());
        Assert.True(await _factory.WithDbAsync(db => db.Users.Select(u => u.EmailConfirmed).SingleAsync()));

        // Signing in works without confirming first (RequireConfirmedAccount is off for the demo).
        using var login = await client.LoginAsync(Email);
        Assert.Equal(HttpStatusCode.Redirect, login.StatusCode);
        Assert.True(await client.IsLoggedInAsync());
    }

    [Fact]
    public async Task A_taken_email_answers_as_a_new_one_and_mails_its_owner_instead()
    {
        await _factory.CreateUserAsync(Email);
        var taken = _factory.CreateBrowserClient();
        var fresh = _factory.CreateBrowserClient();

        using var takenResponse = await RegisterAsync(taken, Form(AccountTestData.Password));
        using var freshResponse = await RegisterAsync(fresh, Form(AccountTestData.Password, email: "fresh@example.com"));

        Assert.Equal(freshResponse.StatusCode, takenResponse.StatusCode);
        Assert.Equal(freshResponse.Headers.Location, takenResponse.Headers.Location);
        Assert.False(await taken.IsLoggedInAsync());
        Assert.Equal(2, await _factory.WithDbAsync(db => db.Users.CountAsync()));
        var owner = Assert.Single(await _factory.MailToAsync(Email));
        Assert.Equal(AccountEmails.AlreadyRegisteredSubject, owner.Subject);
        Assert.Equal(AccountEmails.ConfirmSubject, Assert.Single(_factory.Mail.SentTo("fresh@example.com")).Subject);
    }

    [Fact]
    public async Task A_weak_password_is_refused_with_the_validators_messages_for_new_and_taken_emails_alike()
    {
        await _factory.CreateUserAsync("owner@example.com");
        var client = _factory.CreateBrowserClient();

        foreach (var email in new[] { Email, "owner@example.com" })
        {
            using var response = await RegisterAsync(client, Form("password", email: email));
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Contains("Passwords must have at least one digit", (await response.ReadHtmlAsync()).Body!.TextContent);
        }
        Assert.Equal(1, await _factory.WithDbAsync(db => db.Users.CountAsync()));
        Assert.Empty(await _factory.MailToAsync("owner@example.com"));
    }

    [Theory]
    [InlineData("x..y@example.com")]
    [InlineData("mass2;env;@example.com")]
    [InlineData("a@b")]
    [InlineData("\"quoted\"@example.com")]
    [InlineData("café@example.com")]
    public async Task An_address_the_mail_rule_refuses_is_a_message_and_creates_nothing(string email)
    {
        var client = _factory.CreateBrowserClient();

        using var response = await RegisterAsync(client, Form(AccountTestData.Password, email: email));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Enter an email address such as name@example.com", (await response.ReadHtmlAsync()).Body!.TextContent);
        Assert.Equal(0, await _factory.WithDbAsync(db => db.Users.CountAsync()));
        Assert.Equal(0, await _factory.WithDbAsync(db => db.Set<OutboxMessage>().CountAsync()));
    }

    [Fact]
    public async Task A_mail_that_cannot_be_stored_leaves_no_account()
    {
        // The outbox row is refused by the database (its table is gone, on any engine); the user row, written first in
        // the same transaction, must go with it.
        await _factory.WithDbAsync(db => db.Database.ExecuteSqlRawAsync(
            "ALTER TABLE \"OutboxMessages\" RENAME TO \"OutboxMessagesGone\""));
        var client = _factory.CreateBrowserClient();

        using var response = await RegisterAsync(client, Form(AccountTestData.Password));

        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        Assert.Equal(0, await _factory.WithDbAsync(db => db.Users.CountAsync()));
    }

    [Theory]
    [InlineData("https://evil.example.com/")]
    [InlineData("//evil.example.com/")]
    public async Task A_return_url_to_another_site_is_not_kept_for_after_the_login(string returnUrl)
    {
        var client = _factory.CreateBrowserClient();

        using var response = await RegisterAsync(client, Form(AccountTestData.Password), "?returnUrl=" + Uri.EscapeDataString(returnUrl));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(CheckYourEmail, response.Headers.Location!.OriginalString);
    }
}
