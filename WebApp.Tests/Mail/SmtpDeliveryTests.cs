using Microsoft.Extensions.DependencyInjection;
using WebApp.Mail;
using WebApp.Tests.Infrastructure;

namespace WebApp.Tests.Mail;

/// <summary>The outbox delivering through MailKit to a real SMTP server on a loopback port.</summary>
public sealed class SmtpDeliveryTests : IDisposable
{
    private readonly LoopbackSmtpServer _server = new();

    public void Dispose() => _server.Dispose();

    [Fact]
    public async Task A_message_reaches_the_server_signed_in_with_an_html_and_a_plain_text_part()
    {
        using var factory = new SmtpFactory(_server.Settings());
        var id = await factory.EnqueueAsync("buyer@example.com", "Order WA-1 confirmed",
            "<p>Thank you &amp; welcome.</p><p><a href=\"https://shop.example/orders/WA-1?x=1&amp;y=2\">See your order</a></p>");

        Assert.Equal(1, await factory.DeliverAsync());

        var mail = Assert.Single(_server.Received);
        Assert.Equal(("buyer@example.com", "Order WA-1 confirmed"), (mail.To, mail.Subject));
        Assert.Contains("<a href=\"https://shop.example/orders/WA-1?x=1&amp;y=2\">", mail.Body);
        Assert.Equal("WebApp\n\nThank you & welcome.\n\nSee your order (https://shop.example/orders/WA-1?x=1&y=2)\n\n"
                     + "This email was sent by WebApp: http://localhost:5000/\n",
            mail.Text.ReplaceLineEndings("\n"));
        var row = await factory.RowAsync(id);
        Assert.NotNull(row.SentAt);
        Assert.Null(row.LastError);
    }

    [Fact]
    public async Task A_mail_server_that_cannot_be_reached_leaves_the_message_waiting_with_the_error()
    {
        using var factory = new SmtpFactory(LoopbackSmtpServer.UnreachableSettings());
        var id = await factory.EnqueueAsync("buyer@example.com", "Hello", "<p>Hello</p>");

        Assert.Equal(0, await factory.DeliverAsync());

        Assert.Empty(_server.Received);
        var row = await factory.RowAsync(id);
        Assert.Null(row.SentAt);
        Assert.Equal(1, row.Attempts);
        Assert.Contains("refused", row.LastError, StringComparison.OrdinalIgnoreCase);
        Assert.True(row.NextAttemptAt > row.CreatedAt);
    }

    private sealed class SmtpFactory(IDictionary<string, string?> smtp) : WebAppFactory
    {
        protected override IDictionary<string, string?> ExtraSettings =>
            new Dictionary<string, string?>(smtp) { ["Mail:Outbox:BackgroundDelivery"] = "false" };

        public Task<long> EnqueueAsync(string to, string subject, string html) => WithDbAsync(async db =>
        {
            var message = OutboxMessage.For(new EmailMessage(to, subject, html), DateTime.UtcNow);
            db.Add(message);
            await db.SaveChangesAsync();
            return message.Id;
        });

        public Task<int> DeliverAsync()
        {
            EnsureMigrated();
            return Services.GetRequiredService<OutboxDispatcher>().DeliverDueMessagesAsync();
        }

        public Task<OutboxMessage> RowAsync(long id) => WithDbAsync(db => db.Set<OutboxMessage>().FindAsync(id).AsTask()!)!;
    }
}
