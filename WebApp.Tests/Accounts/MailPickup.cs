using System.Text.RegularExpressions;
using MimeKit;

namespace WebApp.Tests.Accounts;

/// <summary>A message the app wrote to the pickup folder (or an SMTP server received), with its two bodies.</summary>
public sealed record PickedUpMail(string To, string Subject, string Body, string Text = "")
{
    /// <summary>The first link in the HTML body, with HTML entities undone.</summary>
    public string FirstLink() =>
        System.Net.WebUtility.HtmlDecode(Regex.Match(Body, "href='([^']+)'|href=\"([^\"]+)\"") is { Success: true } m
            ? m.Groups[1].Success ? m.Groups[1].Value : m.Groups[2].Value
            : throw new InvalidOperationException("No link in: " + Body));

    public static PickedUpMail Load(string path)
    {
        using var message = MimeMessage.Load(path);
        return new PickedUpMail(
            string.Join(", ", message.To.Mailboxes.Select(m => m.Address)), message.Subject ?? "",
            message.HtmlBody ?? "", message.TextBody ?? "");
    }
}

public static class MailPickup
{
    public static IReadOnlyList<PickedUpMail> ReadAll(string folder) =>
        Directory.Exists(folder)
            ? [.. Directory.GetFiles(folder, "*.eml").Order().Select(PickedUpMail.Load)]
            : [];
}
