using System.Text.Encodings.Web;
using WebApp.Mail;

namespace WebApp.Accounts.Mail;

/// <summary>The emails the account pages send (their content: <see cref="EmailLayout"/> frames it); links are absolute and HTML-encoded.</summary>
public static class AccountEmails
{
    public const string ConfirmSubject = "Confirm your email";
    public const string ResetSubject = "Reset your password";
    public const string AlreadyRegisteredSubject = "You already have an account";
    public const string ConfirmChangeSubject = "Confirm your new email address";

    private static readonly HtmlEncoder Html = HtmlEncoder.Default;

    public static EmailMessage ConfirmEmail(string to, string link) => new(to, ConfirmSubject,
        $"<p>Please confirm your account by <a href=\"{Html.Encode(link)}\">clicking here</a>.</p>");

    public static EmailMessage ResetPassword(string to, string link) => new(to, ResetSubject,
        $"<p>Please reset your password by <a href=\"{Html.Encode(link)}\">clicking here</a>. "
        + "Resetting it also confirms this email address. If you did not ask for this, you can ignore this email.</p>");

    /// <summary>Sent instead of a confirmation when someone registers with an address that already has an account.</summary>
    public static EmailMessage AlreadyRegistered(string to, string loginLink, string resetLink) => new(to, AlreadyRegisteredSubject,
        $"<p>Someone (perhaps you) tried to create an account with this email address, which already has one. "
        + $"You can <a href=\"{Html.Encode(loginLink)}\">log in</a>, or <a href=\"{Html.Encode(resetLink)}\">reset your password</a> "
        + "if you have forgotten it. If it was not you, you can ignore this email: nothing has changed.</p>");

    public static EmailMessage ConfirmEmailChange(string to, string link) => new(to, ConfirmChangeSubject,
        $"<p>Please confirm your new email address by <a href=\"{Html.Encode(link)}\">clicking here</a>.</p>");
}
