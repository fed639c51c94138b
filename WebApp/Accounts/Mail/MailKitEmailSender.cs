using MailKit.Net.Smtp;
using Microsoft.AspNetCore.Identity.UI.Services;
using Microsoft.Extensions.Options;
using WebApp.Mail;
using MimeKit;

namespace WebApp.Accounts.Mail;

/// <summary>
/// Sends mail over SMTP with MailKit, or writes it as .eml files to the pickup folder (development and tests).
/// Every message is framed by the one <see cref="EmailLayout"/> and carries a plain-text part beside the HTML one. Failures throw, so that the outbox retries them.
/// </summary>
internal sealed class MailKitEmailSender(IOptions<EmailOptions> options, EmailLayout layout, ILogger<MailKitEmailSender> logger) : IEmailSender
{
    public async Task SendEmailAsync(string email, string subject, string htmlMessage)
    {
        var settings = options.Value;
        using var message = Compose(settings.From, email, subject, layout.Apply(subject, htmlMessage));
        // Not the request's token: a mail the user asked for is sent even if they close the page.
        if (settings.UsesPickupDirectory)
        {
            await WriteToPickupDirectoryAsync(message, settings.PickupDirectory!);
            logger.LogInformation("Wrote mail '{Subject}' for {Recipient} to {Folder}.", subject, email, settings.PickupDirectory);
            return;
        }

        await SendOverSmtpAsync(message, settings.Smtp);
        logger.LogInformation("Sent mail '{Subject}' to {Recipient}.", subject, email);
    }

    internal static MimeMessage Compose(string from, string to, string subject, string html)
    {
        var message = new MimeMessage { Subject = subject };
        message.From.Add(MailboxAddress.Parse(from));
        message.To.Add(MailboxAddress.Parse(to));
        message.Body = new BodyBuilder { HtmlBody = html, TextBody = HtmlToPlainText.Convert(html) }.ToMessageBody();
        return message;
    }

    private static async Task WriteToPickupDirectoryAsync(MimeMessage message, string folder)
    {
        Directory.CreateDirectory(folder);
        // Written under a temporary name and renamed, so a reader never sees half a message. Names sort by time.
        var name = $"{DateTime.UtcNow:yyyyMMddHHmmssfffffff}-{Guid.NewGuid():N}";
        var partial = Path.Combine(folder, name + ".tmp");
        await message.WriteToAsync(partial);
        File.Move(partial, Path.Combine(folder, name + ".eml"));
    }

    private static async Task SendOverSmtpAsync(MimeMessage message, SmtpServerOptions smtp)
    {
        using var client = new SmtpClient { Timeout = (int)TimeSpan.FromSeconds(smtp.TimeoutSeconds).TotalMilliseconds };
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(smtp.TimeoutSeconds));
        // Host and credentials were checked at start-up (EmailOptions.FindProblems).
        await client.ConnectAsync(smtp.Host!, smtp.Port, smtp.Security, timeout.Token);
        if (!string.IsNullOrEmpty(smtp.UserName))
            await client.AuthenticateAsync(smtp.UserName, smtp.Password!, timeout.Token);
        await client.SendAsync(message, timeout.Token);
        await client.DisconnectAsync(quit: true, timeout.Token);
    }
}
