using System.Net;
using System.Net.Mail;
using System.Net.Mime;
using System.Text;
using Microsoft.AspNetCore.Identity.UI.Services;
using Microsoft.Extensions.Options;

namespace WebApp.Accounts.Mail;

/// <summary>Sends mail over SMTP, or writes it as .eml files to the pickup folder (development and tests).</summary>
internal sealed class SmtpEmailSender(IOptions<EmailOptions> options, ILogger<SmtpEmailSender> logger) : IEmailSender
{
    public async Task SendEmailAsync(string email, string subject, string htmlMessage)
    {
        var settings = options.Value;
        using var message = new MailMessage(new MailAddress(settings.From), new MailAddress(email))
        {
            Subject = subject,
            SubjectEncoding = Encoding.UTF8,
            Body = htmlMessage,
            IsBodyHtml = true,
            BodyEncoding = Encoding.UTF8,
            // Quoted-printable keeps the saved files readable in a text editor.
            BodyTransferEncoding = TransferEncoding.QuotedPrintable,
        };
        using var client = CreateClient(settings);
        // Not the request's token: a mail the user asked for is sent even if they close the page.
        await client.SendMailAsync(message, CancellationToken.None);

        if (settings.UsesPickupDirectory)
            logger.LogInformation("Wrote mail '{Subject}' for {Recipient} to {Folder}.", subject, email, settings.PickupDirectory);
        else
            logger.LogInformation("Sent mail '{Subject}' to {Recipient}.", subject, email);
    }

    private static SmtpClient CreateClient(EmailOptions settings)
    {
        if (settings.UsesPickupDirectory)
        {
            Directory.CreateDirectory(settings.PickupDirectory!);
            return new SmtpClient
            {
                DeliveryMethod = SmtpDeliveryMethod.SpecifiedPickupDirectory,
                PickupDirectoryLocation = settings.PickupDirectory,
            };
        }

        var smtp = settings.Smtp;
        return new SmtpClient(smtp.Host, smtp.Port)
        {
            DeliveryMethod = SmtpDeliveryMethod.Network,
            EnableSsl = smtp.EnableSsl,
            Credentials = string.IsNullOrEmpty(smtp.UserName) ? null : new NetworkCredential(smtp.UserName, smtp.Password),
        };
    }
}
