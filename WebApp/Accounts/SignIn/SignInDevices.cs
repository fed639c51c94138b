using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Identity;

namespace WebApp.Accounts.SignIn;

/// <summary>
/// A signed cookie a browser gets when it signs in, naming the account (by a hash of its email) and the browser. Sign-in
/// attempts that carry it are throttled in that browser's own budget, so that an attacker who spends an account's shared
/// budget from elsewhere does not lock its owner out of the browsers they use.
/// </summary>
internal sealed class SignInDevices(IDataProtectionProvider protection, ILookupNormalizer normalizer)
{
    public const string CookieName = ".WebApp.SignInDevice";

    private readonly IDataProtector _protector = protection.CreateProtector("WebApp.Accounts.SignInDevice");

    /// <summary>A fixed-size key for the account an email names, known or not (the same normalisation as Identity's).</summary>
    public string AccountKey(string email) =>
        Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(normalizer.NormalizeEmail(email.Trim()) ?? "")));

    public void Remember(HttpContext context, string email)
    {
        var device = Convert.ToHexString(RandomNumberGenerator.GetBytes(16));
        context.Response.Cookies.Append(CookieName, _protector.Protect(AccountKey(email) + "|" + device), new CookieOptions
        {
            HttpOnly = true,
            IsEssential = true,
            SameSite = SameSiteMode.Lax,
            Secure = context.Request.IsHttps,
            MaxAge = TimeSpan.FromDays(365),
        });
    }

    /// <summary>This browser's id when it has signed in to the account with this key before; otherwise null.</summary>
    public string? DeviceFor(HttpContext context, string accountKey)
    {
        if (!context.Request.Cookies.TryGetValue(CookieName, out var cookie) || cookie.Length > 1024) return null;
        try
        {
            var parts = _protector.Unprotect(cookie).Split('|');
            return parts.Length == 2 && parts[0] == accountKey ? parts[1] : null;
        }
        catch (CryptographicException)
        {
            return null;
        }
    }
}
