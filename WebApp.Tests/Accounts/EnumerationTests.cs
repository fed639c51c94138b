using System.Net;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using WebApp.Tests.Infrastructure;

namespace WebApp.Tests.Accounts;

/// <summary>
/// The account pages answer an unknown email exactly as a known one: same status, same page, same redirect, and mail
/// only to an owner. (Timing is measured by bench/signin-timing.sh, not asserted.)
/// </summary>
public class EnumerationTests : IDisposable
{
    private const string Known = "known@example.com";
    private const string Unknown = "unknown@example.com";
    private readonly AccountsFactory _factory = new();

    public void Dispose() => _factory.Dispose();

    /// <summary>What the visitor reads, with the email they typed taken out.</summary>
    private static async Task<(HttpStatusCode Status, string? Location, string Text)> AnswerAsync(HttpResponseMessage response, string email)
    {
        var text = response.Content.Headers.ContentLength == 0 ? "" : (await response.ReadHtmlAsync()).Body?.TextContent ?? "";
        return (response.StatusCode, response.Headers.Location?.OriginalString, Regex.Replace(text.Replace(email, "EMAIL"), @"\s+", " "));
    }

    [Fact]
    public async Task Login_answers_a_wrong_password_and_an_unknown_email_alike_and_never_locks_either()
    {
        await _factory.CreateUserAsync(Known);
        var client = _factory.CreateBrowserClient();

        for (var attempt = 1; attempt <= 8; attempt++)
        {
            using var known = await client.LoginAsync(Known, "Wrong!Pass9");
            using var unknown = await client.LoginAsync(Unknown, "Wrong!Pass9");
            var knownAnswer = await AnswerAsync(known, Known);
            Assert.Equal(knownAnswer, await AnswerAsync(unknown, Unknown));
            Assert.Equal(HttpStatusCode.OK, knownAnswer.Status);
            Assert.Contains("Invalid login attempt.", knownAnswer.Text);
        }
        Assert.Null(await _factory.WithDbAsync(db => db.Users.Select(u => u.LockoutEnd).SingleAsync()));
    }

    [Fact]
    public async Task An_inactive_account_answers_as_an_unknown_email()
    {
        await _factory.CreateUserAsync(Known, user => user.IsActive = false);
        var client = _factory.CreateBrowserClient();

        using var inactive = await client.LoginAsync(Known);
        using var unknown = await client.LoginAsync(Unknown);

        Assert.Equal(await AnswerAsync(unknown, Unknown), await AnswerAsync(inactive, Known));
    }

    [Fact]
    public async Task Register_answers_a_taken_email_as_a_new_one()
    {
        await _factory.CreateUserAsync(Known);

        async Task<(HttpStatusCode, string?, string)> RegisterAsync(string email)
        {
            var client = _factory.CreateBrowserClient();
            using var response = await client.PostFormAsync("/Identity/Account/Register", new Dictionary<string, string>
            {
                ["Input.Email"] = email, ["Input.Password"] = AccountTestData.Password, ["Input.ConfirmPassword"] = AccountTestData.Password,
            });
            var answer = await AnswerAsync(response, email);
            using var next = await client.GetAsync(answer.Location);
            return (answer.Status, answer.Location, (await AnswerAsync(next, email)).Text);
        }

        Assert.Equal(await RegisterAsync(Unknown), await RegisterAsync(Known));
        Assert.Single(await _factory.MailToAsync(Known));
        Assert.Single(_factory.Mail.SentTo(Unknown));
    }

    [Theory]
    [InlineData("/Identity/Account/ForgotPassword")]
    [InlineData("/Identity/Account/ResendEmailConfirmation")]
    public async Task Mail_on_demand_answers_known_and_unknown_emails_alike_and_mails_only_owners(string page)
    {
        await _factory.CreateUserAsync(Known, user => user.EmailConfirmed = false);
        var client = _factory.CreateBrowserClient();

        using var known = await client.PostFormAsync(page, new Dictionary<string, string> { ["Input.Email"] = Known });
        using var unknown = await client.PostFormAsync(page, new Dictionary<string, string> { ["Input.Email"] = Unknown });

        Assert.Equal(await AnswerAsync(known, Known), await AnswerAsync(unknown, Unknown));
        Assert.Single(await _factory.MailToAsync(Known));
        Assert.Empty(_factory.Mail.SentTo(Unknown));
    }
}
