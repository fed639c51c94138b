using System.Net;
using Microsoft.EntityFrameworkCore;
using WebApp.Mail;
using WebApp.Tests.Infrastructure;
using static WebApp.Tests.Infrastructure.HtmlForms;

namespace WebApp.Tests.Contact;

/// <summary>The contact form: to staff through the outbox, refusing bad input, bots (honeypot) and floods (per address).</summary>
public sealed class ContactPageTests : IDisposable
{
    private const string StaffEmail = "contact-staff@example.com";

    private sealed class ContactSite : WebAppFactory
    {
        protected override IDictionary<string, string?> ExtraSettings => new Dictionary<string, string?>
        {
            ["Contact:StaffEmail"] = StaffEmail,
            ["Contact:PerAddressPermitLimit"] = "3",
        };
    }

    private readonly ContactSite _site = new();

    public void Dispose() => _site.Dispose();

    private Task<List<OutboxMessage>> StaffMailAsync() =>
        _site.WithDbAsync(db => db.Set<OutboxMessage>().Where(m => m.To == StaffEmail).ToListAsync());

    private static IEnumerable<KeyValuePair<string, string>> Form(string name, string email, string message, string website = "") =>
        [Field("Input.Name", name), Field("Input.Email", email), Field("Input.Message", message), Field("Input.Website", website)];

    [Fact]
    public async Task A_message_reaches_staff_through_the_outbox_and_the_visitor_is_thanked()
    {
        var client = _site.CreateBrowserClient(followRedirects: true);
        var home = await client.GetHtmlAsync("/");
        Assert.NotNull(home.QuerySelector("footer a[href='/contact']"));

        using var response = await client.PostWithTokenAsync("/contact", Form("Ada <b>", "ada@example.com", "Where is my <script>order</script>?"));

        Assert.Equal("/contact/thanks", response.RequestMessage!.RequestUri!.AbsolutePath);
        Assert.Contains("Your message is on its way", await response.Content.ReadAsStringAsync());
        var mail = Assert.Single(await StaffMailAsync());
        Assert.Contains("ada@example.com", mail.HtmlBody);
        Assert.Contains("Where is my &lt;script&gt;order&lt;/script&gt;?", mail.HtmlBody);
        Assert.DoesNotContain("<script>", mail.HtmlBody);
    }

    [Fact]
    public async Task Bad_input_is_explained_and_sends_nothing()
    {
        var client = _site.CreateBrowserClient();

        using var response = await client.PostWithTokenAsync("/contact", Form("", "not-an-address", ""));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await response.Content.ReadAsStringAsync();
        Assert.Contains("Enter your name.", page);
        Assert.Contains("Enter your message.", page);
        Assert.Contains("value=\"not-an-address\"", page);
        Assert.Empty(await StaffMailAsync());
    }

    [Fact]
    public async Task A_filled_honeypot_thanks_the_bot_and_sends_nothing()
    {
        var client = _site.CreateBrowserClient();

        using var response = await client.PostWithTokenAsync("/contact", Form("Bot", "bot@example.com", "Buy now", website: "http://spam.example"));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/contact/thanks", response.Headers.Location!.OriginalString);
        Assert.Empty(await StaffMailAsync());
    }

    [Fact]
    public async Task A_post_without_the_antiforgery_token_is_refused_and_sends_nothing()
    {
        var client = _site.CreateBrowserClient();

        using var response = await client.PostAsync("/contact", new FormUrlEncodedContent(Form("Ada", "ada@example.com", "Hello there")));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Empty(await StaffMailAsync());
    }

    [Fact]
    public async Task One_address_may_send_a_few_messages_then_gets_a_429_and_nothing_more_is_sent()
    {
        var client = _site.CreateBrowserClient();
        for (var i = 0; i < 3; i++)
        {
            using var sent = await client.PostWithTokenAsync("/contact", Form("Ada", "ada@example.com", $"Message {i}"));
            Assert.Equal(HttpStatusCode.Redirect, sent.StatusCode);
        }

        using var refused = await client.PostWithTokenAsync("/contact", Form("Ada", "ada@example.com", "One too many"));

        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.True(refused.Headers.RetryAfter is not null);
        Assert.Equal(3, (await StaffMailAsync()).Count);
    }

    [Fact]
    public async Task The_account_deletion_page_links_to_the_contact_page()
    {
        var email = $"contact-{Guid.NewGuid():N}@example.com";
        await _site.CreateUserAsync(email);
        var client = _site.CreateBrowserClient();
        await client.LoginAsync(email);

        var page = await client.GetHtmlAsync("/Identity/Account/Manage/DeletePersonalData");

        Assert.NotNull(page.QuerySelector("a[href='/contact']"));
    }
}
