using System.Net;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.EntityFrameworkCore;
using WebApp.Accounts.Mail;
using WebApp.Tests.Infrastructure;

namespace WebApp.Tests.Accounts;

public class PasswordResetTests : IDisposable
{
    private const string Email = "forgetful@example.com";
    private const string NewPassword = "Brand!New9pass";
    private readonly AccountsFactory _factory = new()
    {
        MoreSettings = new Dictionary<string, string?> { ["Accounts:MailThrottle:PermitLimit"] = "3" },
    };

    public void Dispose() => _factory.Dispose();

    private static Task<HttpResponseMessage> ForgotAsync(HttpClient client, string email) =>
        client.PostFormAsync("/Identity/Account/ForgotPassword", new Dictionary<string, string> { ["Input.Email"] = email });

    /// <summary>Follows the mailed link and posts the new password, as the customer would.</summary>
    private async Task<HttpResponseMessage> ResetWithMailedLinkAsync(HttpClient client, string email, string password = NewPassword)
    {
        var mail = Assert.Single(await _factory.MailToAsync(email));
        Assert.Equal(AccountEmails.ResetSubject, mail.Subject);
        var link = new Uri(new PickedUpMail(mail.To, mail.Subject, mail.HtmlBody).FirstLink());
        Assert.Equal("/Identity/Account/ResetPassword", link.AbsolutePath);
        Assert.NotEmpty(QueryHelpers.ParseQuery(link.Query)["code"].ToString());
        var resetPage = await client.GetHtmlAsync(link.PathAndQuery);
        var code = resetPage.QuerySelector("input[name='Input.Code']")?.GetAttribute("value");
        Assert.False(string.IsNullOrEmpty(code));
        return await client.PostFormAsync(link.PathAndQuery, new Dictionary<string, string>
        {
            ["Input.Email"] = email, ["Input.Password"] = password, ["Input.ConfirmPassword"] = password, ["Input.Code"] = code,
        });
    }

    [Fact]
    public async Task Forgot_password_mails_a_reset_link_that_sets_a_new_password()
    {
        await _factory.CreateUserAsync(Email);
        var client = _factory.CreateBrowserClient();

        using var forgot = await ForgotAsync(client, Email);

        Assert.Equal(HttpStatusCode.Redirect, forgot.StatusCode);
        Assert.Equal("/Identity/Account/ForgotPasswordConfirmation", forgot.Headers.Location?.OriginalString);
        using var reset = await ResetWithMailedLinkAsync(client, Email);
        Assert.Equal(HttpStatusCode.Redirect, reset.StatusCode);
        Assert.Equal("/Identity/Account/ResetPasswordConfirmation", reset.Headers.Location?.OriginalString);
        using var oldPassword = await client.LoginAsync(Email);
        Assert.Equal(HttpStatusCode.OK, oldPassword.StatusCode);
        using var newPassword = await client.LoginAsync(Email, NewPassword);
        Assert.Equal(HttpStatusCode.Redirect, newPassword.StatusCode);
    }

    [Fact]
    public async Task An_account_whose_email_is_unconfirmed_gets_the_mail_and_the_reset_confirms_the_address()
    {
        await _factory.CreateUserAsync(Email, user => user.EmailConfirmed = false);
        var client = _factory.CreateBrowserClient();

        using var forgot = await ForgotAsync(client, Email);
        using var reset = await ResetWithMailedLinkAsync(client, Email);

        Assert.Equal(HttpStatusCode.Redirect, reset.StatusCode);
        Assert.Equal("/Identity/Account/ResetPasswordConfirmation", reset.Headers.Location?.OriginalString);
        var user = await _factory.WithDbAsync(db => db.Users.SingleAsync());
        Assert.True(user.EmailConfirmed);
        using var login = await client.LoginAsync(Email, NewPassword);
        Assert.Equal(HttpStatusCode.Redirect, login.StatusCode);
    }

    [Fact]
    public async Task An_unknown_email_gets_the_same_answer_and_no_mail()
    {
        await _factory.CreateUserAsync(Email);
        var client = _factory.CreateBrowserClient();

        using var known = await ForgotAsync(client, Email);
        using var unknown = await ForgotAsync(client, "nobody@example.com");

        Assert.Equal(known.StatusCode, unknown.StatusCode);
        Assert.Equal(known.Headers.Location, unknown.Headers.Location);
        Assert.Empty(await _factory.MailToAsync("nobody@example.com"));
        Assert.Single(_factory.Mail.SentTo(Email));
    }

    [Fact]
    public async Task Past_three_mails_an_hour_an_address_gets_the_same_answer_and_no_more_mail()
    {
        await _factory.CreateUserAsync(Email);
        var client = _factory.CreateBrowserClient();
        var answers = new List<(HttpStatusCode, string?)>();

        for (var request = 1; request <= 6; request++)
        {
            using var forgot = await ForgotAsync(client, request % 2 == 0 ? Email.ToUpperInvariant() : Email);
            answers.Add((forgot.StatusCode, forgot.Headers.Location?.OriginalString));
        }

        Assert.All(answers, a => Assert.Equal((HttpStatusCode.Redirect, "/Identity/Account/ForgotPasswordConfirmation"), a));
        Assert.Equal(3, (await _factory.MailToAsync(Email)).Count);
    }

    [Fact]
    public async Task A_tampered_reset_link_is_a_message_not_an_error()
    {
        var client = _factory.CreateBrowserClient();

        foreach (var code in new[] { "%%%", "not*base64", "AAAA%C3%28", "" })
        {
            using var response = await client.GetAsync("/Identity/Account/ResetPassword?code=" + code);
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            Assert.Contains("This reset link is not valid.", await response.Content.ReadAsStringAsync());
        }
    }

    [Fact]
    public async Task A_reset_for_an_unknown_email_answers_as_a_wrong_link_does()
    {
        await _factory.CreateUserAsync(Email);
        var client = _factory.CreateBrowserClient();
        var page = "/Identity/Account/ResetPassword?code=" + WebEncoders.Base64UrlEncode("wrong-token"u8.ToArray());

        async Task<string> ResetAsync(string email)
        {
            using var response = await client.PostFormAsync(page, new Dictionary<string, string>
            {
                ["Input.Email"] = email, ["Input.Password"] = NewPassword, ["Input.ConfirmPassword"] = NewPassword, ["Input.Code"] = "wrong-token",
            });
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            return (await response.ReadHtmlAsync()).QuerySelector(".validation-summary-errors")!.TextContent.Trim();
        }

        Assert.Equal(await ResetAsync(Email), await ResetAsync("nobody@example.com"));
        Assert.Contains("This reset link is not valid", await ResetAsync(Email));
    }
}
