using System.Text.Encodings.Web;
using Microsoft.Extensions.Options;
using WebApp.Site;

namespace WebApp.Mail;

/// <summary>
/// The one layout of every email the app sends: the site's name (Site:Name) above the message and a footer linking to
/// the site (Site:Url). The sender applies it to each message as it goes out, so no email can miss it; the plain-text
/// part is made from the result. Messages hold only their content, with every value already encoded.
/// </summary>
internal sealed class EmailLayout(IOptions<SiteOptions> site)
{
    private static readonly HtmlEncoder Html = HtmlEncoder.Default;

    public string Apply(string subject, string contentHtml)
    {
        var name = Html.Encode(site.Value.Name);
        var url = Html.Encode(site.Value.LinkTo("/"));
        // Inline styles and a table-free single column: mail clients ignore style sheets and scripts.
        return "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\">"
               + $"<title>{Html.Encode(subject)}</title></head>"
               + "<body style=\"margin:0;padding:16px;background:#f8f9fa;color:#212529;font-family:system-ui,-apple-system,'Segoe UI',Roboto,Arial,sans-serif;font-size:16px;line-height:1.5\">"
               + "<div style=\"max-width:600px;margin:0 auto;background:#ffffff;border:1px solid #dee2e6;border-radius:6px;padding:24px\">"
               + $"<p class=\"email-brand\" style=\"margin:0 0 16px;font-size:20px;font-weight:bold\">{name}</p>"
               + $"<div class=\"email-content\">{contentHtml}</div>"
               + "<p class=\"email-footer\" style=\"margin:24px 0 0;padding-top:16px;border-top:1px solid #dee2e6;font-size:13px;color:#5c636a\">"
               + $"This email was sent by {name}: <a href=\"{url}\" style=\"color:#0b5ed7\">{url}</a></p>"
               + "</div></body></html>";
    }
}
