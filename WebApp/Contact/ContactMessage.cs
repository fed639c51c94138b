using System.Text.Encodings.Web;
using WebApp.Mail;

namespace WebApp.Contact;

/// <summary>The mail staff get for a contact form message; every value the visitor typed is encoded.</summary>
internal static class ContactMessage
{
    private static readonly HtmlEncoder Html = HtmlEncoder.Default;

    public static EmailMessage ToStaff(string staffEmail, string name, string email, string message) => new(
        staffEmail,
        $"Contact form: {name}",
        $"<p>From <strong>{Html.Encode(name)}</strong> &lt;{Html.Encode(email)}&gt;:</p>"
        + $"<p style=\"white-space: pre-wrap\">{Html.Encode(message)}</p>");
}
