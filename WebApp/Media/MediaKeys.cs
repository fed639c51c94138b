using System.Text.RegularExpressions;

namespace WebApp.Media;

/// <summary>
/// The one rule for media keys: lower-case letters, digits and hyphens, one dot before a known extension. No slash,
/// no "..", nothing a file system or URL treats specially, so a key can never name a file outside the store.
/// </summary>
public static partial class MediaKeys
{
    private static readonly Dictionary<string, string> ContentTypes = new(StringComparer.Ordinal)
    {
        [".jpg"] = "image/jpeg",
        [".png"] = "image/png",
        [".webp"] = "image/webp",
    };

    public static bool IsValid(string? key) => key is { Length: <= 100 } && Pattern().IsMatch(key);

    /// <summary>The content type a key's extension stands for (keys are checked first, so one is always known).</summary>
    public static string ContentType(string key) => ContentTypes[Path.GetExtension(key)];

    [GeneratedRegex("^[a-z0-9][a-z0-9-]*\\.(jpg|png|webp)$", RegexOptions.CultureInvariant)]
    private static partial Regex Pattern();
}
