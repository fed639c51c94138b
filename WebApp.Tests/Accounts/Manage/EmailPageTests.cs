using System.Net;
using Microsoft.EntityFrameworkCore;
using WebApp.Accounts.Mail;
using WebApp.Mail;
using WebApp.Tests.Infrastructure;

namespace WebApp.Tests.Accounts.Manage;

public class EmailPageTests : IDisposable
{
    private const string Email = "mover@example.com";
    private const string Page = "/Identity/Account/Manage/Email";
    private readonly AccountsFactory _factory = new();

    public void Dispose() => _factory.Dispose();

    private async Task<HttpClient> LoggedInClientAsync()
    {
        await _factory.CreateUserAsync(Email);
        var client = _factory.CreateBrowserClient();
        (await client.LoginAsync(Email)).Dispose();
        return client;
    }

    private static Task<HttpResponseMessage> ChangeAsync(HttpClient client, string newEmail) =>
        client.PostFormAsync(Page, new Dictionary<string, string> { ["Input.NewEmail"] = newEmail }, postUrl: Page + "?handler=ChangeEmail");

    [Theory]
    [InlineData("a..b@example.com")]
    [InlineData("mass2;env;@example.com")]
    [InlineData("new@example.com\r\nBcc: victim@example.com")]
    public async Task An_address_the_mail_rule_refuses_is_a_message_and_changes_and_sends_nothing(string newEmail)
    {
        var client = await LoggedInClientAsync();

        using var response = await ChangeAsync(client, newEmail);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Enter an email address such as name@example.com", (await response.ReadHtmlAsync()).Body!.TextContent);
        var user = await _factory.WithDbAsync(db => db.Users.SingleAsync());
        Assert.Equal((Email, Email), (user.Email, user.UserName));
        Assert.Equal(0, await _factory.WithDbAsync(db => db.Set<OutboxMessage>().CountAsync()));
    }

    [Fact]
    public async Task A_new_address_changes_when_its_mailed_link_is_followed_and_signs_in_under_it()
    {
        var client = await LoggedInClientAsync();

        using var response = await ChangeAsync(client, "moved@example.com");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains(EmailModelMessages.ChangeSent, (await client.GetHtmlAsync(Page)).Body!.TextContent);
        Assert.Equal(Email, await _factory.WithDbAsync(db => db.Users.Select(u => u.Email).SingleAsync()));
        var mail = Assert.Single(await _factory.MailToAsync("moved@example.com"));
        Assert.Equal(AccountEmails.ConfirmChangeSubject, mail.Subject);

        using var confirm = await client.GetAsync(new Uri(new PickedUpMail(mail.To, mail.Subject, mail.HtmlBody).FirstLink()).PathAndQuery);

        Assert.Contains("Thank you for confirming your email change.", await confirm.Content.ReadAsStringAsync());
        var user = await _factory.WithDbAsync(db => db.Users.SingleAsync());
        Assert.Equal(("moved@example.com", "moved@example.com"), (user.Email, user.UserName));
        using var login = await _factory.CreateBrowserClient().LoginAsync("moved@example.com");
        Assert.Equal(HttpStatusCode.Redirect, login.StatusCode);
    }

    [Fact]
    public async Task An_address_of_another_account_gets_the_same_answer_and_no_mail()
    {
        await _factory.CreateUserAsync("taken@example.com");
        var client = await LoggedInClientAsync();

        using var response = await ChangeAsync(client, "taken@example.com");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains(EmailModelMessages.ChangeSent, (await client.GetHtmlAsync(Page)).Body!.TextContent);
        Assert.Empty(await _factory.MailToAsync("taken@example.com"));
    }

    /// <summary>The page's messages as the user reads them.</summary>
    private static class EmailModelMessages
    {
        public const string ChangeSent = "Confirmation link to change email sent. Please check your email.";
    }
}
