using System.Text;
using System.Text.RegularExpressions;

namespace WebApp.Tests.Accounts;

/// <summary>A message the app wrote to the pickup folder, with its body decoded.</summary>
public sealed record PickedUpMail(string To, string Subject, string Body)
{
    /// <summary>The first link in the HTML body, with HTML entities undone.</summary>
    public string FirstLink() =>
        System.Net.WebUtility.HtmlDecode(Regex.Match(Body, "href='([^']+)'|href=\"([^\"]+)\"") is { Success: true } m
            ? m.Groups[1].Success ? m.Groups[1].Value : m.Groups[2].Value
            : throw new InvalidOperationException("No link in: " + Body));
}

public static partial class MailPickup
{
    public static IReadOnlyList<PickedUpMail> ReadAll(string folder) =>
        Directory.Exists(folder)
            ? [.. Directory.GetFiles(folder, "*.eml").Order().Select(f => Parse(File.ReadAllText(f)))]
            : [];

    private static PickedUpMail Parse(string eml)
    {
        var split = eml.IndexOf("\r\n\r\n", StringComparison.Ordinal);
        var headers = eml[..split].Replace("\r\n ", " ").Replace("\r\n\t", " ").Split("\r\n");
        string Header(string name) => headers.First(h => h.StartsWith(name + ": ", StringComparison.OrdinalIgnoreCase))[(name.Length + 2)..];

        var body = eml[(split + 4)..];
        body = Header("Content-Transfer-Encoding").ToLowerInvariant() switch
        {
            "quoted-printable" => DecodeQuotedPrintable(body),
            "base64" => Encoding.UTF8.GetString(Convert.FromBase64String(body)),
            _ => body,
        };
        return new PickedUpMail(Header("To"), DecodeHeader(Header("Subject")), body);
    }

    private static string DecodeQuotedPrintable(string text)
    {
        var joined = text.Replace("=\r\n", "");
        var bytes = new List<byte>();
        for (var i = 0; i < joined.Length; i++)
        {
            if (joined[i] == '=' && i + 2 < joined.Length)
            {
                bytes.Add(Convert.ToByte(joined.Substring(i + 1, 2), 16));
                i += 2;
            }
            else
            {
                bytes.AddRange(Encoding.UTF8.GetBytes(joined[i].ToString()));
            }
        }
        return Encoding.UTF8.GetString([.. bytes]);
    }

    /// <summary>RFC 2047 encoded words such as =?utf-8?B?...?=.</summary>
    private static string DecodeHeader(string value) =>
        EncodedWord().Replace(value, m => m.Groups[2].Value.ToUpperInvariant() == "B"
            ? Encoding.UTF8.GetString(Convert.FromBase64String(m.Groups[3].Value))
            : DecodeQuotedPrintable(m.Groups[3].Value.Replace('_', ' ')));

    [GeneratedRegex(@"=\?([^?]+)\?([bBqQ])\?([^?]*)\?=\s*")]
    private static partial Regex EncodedWord();
}
