using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;

namespace WebApp.Api.Tokens;

/// <summary>
/// Tokens read <c>webapp_{prefix}_{secret}</c>: a fixed marker (so secret scanners and people recognise them), a
/// 12-character lookup prefix and 32 random bytes in base64url.
/// </summary>
internal static partial class ApiTokenFormat
{
    public const string Marker = "webapp_";
    public const int PrefixLength = 12;
    public const int SecretBytes = 32;
    public const int HashLength = 32;

    private const string PrefixAlphabet = "abcdefghijklmnopqrstuvwxyz234567";

    public static string NewPrefix() => RandomNumberGenerator.GetString(PrefixAlphabet, PrefixLength);

    public static string NewToken(string prefix) =>
        $"{Marker}{prefix}_{System.Buffers.Text.Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(SecretBytes))}";

    /// <summary>The lookup prefix of a well-formed token; false for anything else, without touching the database.</summary>
    public static bool TryReadPrefix(string token, out string prefix)
    {
        var match = Shape().Match(token);
        prefix = match.Success ? match.Groups["prefix"].Value : "";
        return match.Success;
    }

    public static byte[] Hash(string token) => SHA256.HashData(Encoding.UTF8.GetBytes(token));

    public static bool Matches(string token, byte[] storedHash) => CryptographicOperations.FixedTimeEquals(Hash(token), storedHash);

    /// <summary>How a token is shown once its secret is gone: enough to recognise it, nothing to use.</summary>
    public static string Display(string prefix) => $"{Marker}{prefix}_…";

    [GeneratedRegex("^webapp_(?<prefix>[a-z2-7]{12})_[A-Za-z0-9_-]{43}$", RegexOptions.CultureInvariant)]
    private static partial Regex Shape();
}
