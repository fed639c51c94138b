using System.Text;
using Microsoft.AspNetCore.WebUtilities;

namespace WebApp.Accounts;

/// <summary>
/// Identity's tokens as they travel in mailed links (base64url). Decoding a tampered code is a refusal, not the
/// FormatException that made the stock pages answer 500.
/// </summary>
public static class EmailTokens
{
    public static string Encode(string token) => WebEncoders.Base64UrlEncode(Encoding.UTF8.GetBytes(token));

    public static string? TryDecode(string? code)
    {
        if (string.IsNullOrEmpty(code) || code.Length > 4096) return null;
        try
        {
            return new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(WebEncoders.Base64UrlDecode(code));
        }
        catch (Exception exception) when (exception is FormatException or ArgumentException)
        {
            return null;
        }
    }
}
