using System.Net;
using Microsoft.EntityFrameworkCore;
using WebApp.Accounts.Mail;
using WebApp.Mail;
using WebApp.Tests.Infrastructure;

namespace WebApp.Tests.Accounts;

public class ResendEmailConfirmationTests : IDisposable
{
    private const string Page = "/Identity/Account/ResendEmailConfirmation";
    private readonly AccountsFactory _factory = new()
    {
        MoreSettings = new Dictionary<string, string?> { ["Accounts:MailThrottle:PermitLimit"] = "2" },
    };

    public void Dispose() => _factory.Dispose();

    private static Task<HttpResponseMessage> ResendAsync(HttpClient client, string email) =>
        client.PostFormAsync(Page, new Dictionary<string, string> { ["Input.Email"] = email });

    [Fact]
    public async Task An_unconfirmed_account_gets_a_new_link_a_few_times_an_hour_with_the_same_answer_every_time()
    {
        await _factory.CreateUserAsync("late@example.com", user => user.EmailConfirmed = false);
        var client = _factory.CreateBrowserClient();
        var texts = new List<string>();

        for (var request = 1; request <= 4; request++)
        {
            using var response = await ResendAsync(client, "late@example.com");
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            texts.Add((await response.ReadHtmlAsync()).QuerySelector("form [role=alert]")!.TextContent.Trim());
        }

        Assert.All(texts, t => Assert.Equal(texts[0], t));
        Assert.Contains("Please check your email", texts[0]);
        var mails = await _factory.MailToAsync("late@example.com");
        Assert.Equal(2, mails.Count);
        Assert.All(mails, m => Assert.Equal(AccountEmails.ConfirmSubject, m.Subject));
    }

    [Fact]
    public async Task An_account_stored_with_an_address_mail_cannot_use_gets_a_message_not_an_error()
    {
        // As the old registration left them: a user row whose address the mail code refuses.
        await _factory.WithDbAsync(async db =>
        {
            db.Users.Add(new WebApp.Accounts.ApplicationUser
            {
                UserName = "x..y@example.com", NormalizedUserName = "X..Y@EXAMPLE.COM",
                Email = "x..y@example.com", NormalizedEmail = "X..Y@EXAMPLE.COM", SecurityStamp = Guid.NewGuid().ToString(),
            });
            await db.SaveChangesAsync();
        });
        var client = _factory.CreateBrowserClient();

        using var response = await ResendAsync(client, "x..y@example.com");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Enter an email address such as name@example.com", (await response.ReadHtmlAsync()).Body!.TextContent);
        Assert.Equal(0, await _factory.WithDbAsync(db => db.Set<OutboxMessage>().CountAsync()));
    }
}
