using MailKit.Security;
using MimeKit;
using WebApp.Management.Checks;

namespace WebApp.Accounts.Mail;

/// <summary>Outgoing mail, bound from the <c>Email</c> section.</summary>
internal sealed class EmailOptions
{
    public const string SectionName = "Email";
    public const string DefaultPickupDirectory = "data/mail-pickup";

    /// <summary>The sender, with or without a display name: <c>Shop &lt;shop@example.com&gt;</c>.</summary>
    public string From { get; set; } = "WebApp <no-reply@localhost>";

    /// <summary>
    /// When set, messages are written as .eml files to this folder (relative to the content root) instead of being sent.
    /// Development and Testing use <see cref="DefaultPickupDirectory"/> when it is not set.
    /// </summary>
    public string? PickupDirectory { get; set; }

    public SmtpServerOptions Smtp { get; set; } = new();

    public bool UsesPickupDirectory => !string.IsNullOrWhiteSpace(PickupDirectory);

    /// <summary>Everything wrong with these settings; empty when mail can be delivered.</summary>
    internal IEnumerable<SystemCheckMessage> FindProblems()
    {
        if (!MailboxAddress.TryParse(From, out _))
        {
            yield return SystemCheckMessage.Error("email.E001", $"Email:From '{From}' is not an email address.",
                "Use an address, optionally with a name: \"Shop <shop@example.com>\".");
        }
        if (UsesPickupDirectory) yield break;

        if (string.IsNullOrWhiteSpace(Smtp.Host))
        {
            yield return SystemCheckMessage.Error("email.E002", "Email:Smtp:Host is not set, so no mail can be sent.",
                "Set Email:Smtp:Host (and Port, UserName, Password, Security), or Email:PickupDirectory to write mail to files.");
        }
        if (Smtp.Port is < 1 or > 65535)
            yield return SystemCheckMessage.Error("email.E003", $"Email:Smtp:Port {Smtp.Port} is not a TCP port (1-65535).");
        if (string.IsNullOrEmpty(Smtp.UserName) != string.IsNullOrEmpty(Smtp.Password))
        {
            yield return SystemCheckMessage.Error("email.E004", "Email:Smtp:UserName and Email:Smtp:Password must be set together.");
        }
        if (Smtp.TimeoutSeconds is < 1 or > 600)
            yield return SystemCheckMessage.Error("email.E006", $"Email:Smtp:TimeoutSeconds {Smtp.TimeoutSeconds} is not between 1 and 600.");
    }
}

internal sealed class SmtpServerOptions
{
    public string? Host { get; set; }
    public int Port { get; set; } = 587;
    public string? UserName { get; set; }
    public string? Password { get; set; }

    /// <summary>
    /// How the connection is secured: <c>StartTls</c> (port 587, the default), <c>SslOnConnect</c> (port 465),
    /// <c>Auto</c> (by port), <c>StartTlsWhenAvailable</c>, or <c>None</c> (a relay on the same machine only).
    /// </summary>
    public SecureSocketOptions Security { get; set; } = SecureSocketOptions.StartTls;

    /// <summary>For connecting, signing in and sending one message; past it the outbox tries again later.</summary>
    public int TimeoutSeconds { get; set; } = 30;
}
