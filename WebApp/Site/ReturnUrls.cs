using System.Text;

namespace WebApp.Site;

/// <summary>
/// The one rule for "where to go next" addresses taken from a request: only a path on this site, encoded so that it
/// can stand in a <c>Location</c> header (Kestrel refuses non-ASCII and control characters there, which was a 500).
/// Anything else is dropped and the caller's fallback is used.
/// </summary>
public static class ReturnUrls
{
    /// <summary>Longer addresses are dropped rather than echoed into headers and forms.</summary>
    public const int MaxLength = 2048;

    /// <summary>The address made safe to redirect to, or null when it is not a local address.</summary>
    public static string? MakeSafe(string? url)
    {
        if (string.IsNullOrEmpty(url) || url.Length > MaxLength) return null;
        if (url.StartsWith("~/", StringComparison.Ordinal)) url = url[1..];
        // "//host" and "/\host" are other sites to a browser; so is anything not starting with "/".
        if (url[0] != '/' || (url.Length > 1 && url[1] is '/' or '\\')) return null;

        var safe = new StringBuilder(url.Length + 16);
        Span<byte> utf8 = stackalloc byte[4];
        foreach (var rune in url.EnumerateRunes())
        {
            // Printable ASCII passes, except characters a browser rewrites or a header or attribute could trip on.
            if (rune.Value is > 0x20 and < 0x7F && rune.Value is not ('\\' or '"' or '<' or '>' or '`' or '\''))
            {
                safe.Append((char)rune.Value);
                continue;
            }
            // Lone surrogates arrive as U+FFFD from EnumerateRunes, so every rune encodes.
            var length = rune.EncodeToUtf8(utf8);
            foreach (var b in utf8[..length]) safe.Append('%').Append(b.ToString("X2", System.Globalization.CultureInfo.InvariantCulture));
        }
        return safe.Length > MaxLength ? null : safe.ToString();
    }

    /// <summary>The address made safe, or <paramref name="fallback"/>.</summary>
    public static string SafeOr(string? url, string fallback) => MakeSafe(url) ?? fallback;
}
