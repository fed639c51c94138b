using System.Net;
using System.Text.RegularExpressions;

namespace WebApp.Accounts.Mail;

/// <summary>
/// The plain-text part of a message made from its HTML: links keep their address, blocks and line breaks become new
/// lines, tags go, entities are decoded. The app's mails are simple HTML written by the app, not arbitrary pages.
/// </summary>
internal static partial class HtmlToPlainText
{
    public static string Convert(string html)
    {
        var text = Invisible().Replace(html, "");
        text = Link().Replace(text, match =>
        {
            var label = Tag().Replace(match.Groups["label"].Value, "").Trim();
            var href = WebUtility.HtmlDecode(match.Groups["href"].Value);
            return label.Length == 0 || WebUtility.HtmlDecode(label) == href ? href : $"{label} ({href})";
        });
        text = LineBreak().Replace(text, "\n");
        text = BlockEnd().Replace(text, "\n\n");
        text = Tag().Replace(text, "");
        text = WebUtility.HtmlDecode(text);
        text = SpacesAroundNewLines().Replace(text, "\n");
        text = ManyNewLines().Replace(text, "\n\n");
        return text.Trim() + "\n";
    }

    [GeneratedRegex(@"<(script|style|head)\b.*?</\1\s*>", RegexOptions.IgnoreCase | RegexOptions.Singleline)]
    private static partial Regex Invisible();

    [GeneratedRegex("""<a\b[^>]*?\bhref\s*=\s*(["'])(?<href>.*?)\1[^>]*>(?<label>.*?)</a\s*>""", RegexOptions.IgnoreCase | RegexOptions.Singleline)]
    private static partial Regex Link();

    [GeneratedRegex(@"<br\s*/?>", RegexOptions.IgnoreCase)]
    private static partial Regex LineBreak();

    [GeneratedRegex(@"</(p|div|h[1-6]|li|tr|table|ul|ol)\s*>", RegexOptions.IgnoreCase)]
    private static partial Regex BlockEnd();

    [GeneratedRegex(@"<[^>]+>")]
    private static partial Regex Tag();

    [GeneratedRegex(@"[ \t]*\n[ \t]*")]
    private static partial Regex SpacesAroundNewLines();

    [GeneratedRegex(@"\n{3,}")]
    private static partial Regex ManyNewLines();
}
