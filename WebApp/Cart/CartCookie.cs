using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;

namespace WebApp.Cart;

/// <summary>
/// The anonymous visitor's cart cookie: a random 256-bit key, HttpOnly, Secure, SameSite=Lax. The database keeps only
/// its hash.
/// </summary>
public static class CartCookie
{
    public const string Name = ".WebApp.Cart";
    private const int KeyBytes = 32;
    public static readonly TimeSpan Lifetime = TimeSpan.FromDays(30);

    /// <summary>The key in the request's cookie, or null when it is absent or not one this site issued.</summary>
    public static string? Read(HttpContext context)
    {
        var value = context.Request.Cookies[Name];
        return value is not null && Base64Url.IsValid(value, out var length) && length == KeyBytes ? value : null;
    }

    public static string NewKey() => Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(KeyBytes));

    public static void Write(HttpContext context, string key) =>
        context.Response.Cookies.Append(Name, key, new CookieOptions
        {
            HttpOnly = true,
            Secure = true,
            SameSite = SameSiteMode.Lax,
            // The cart is part of the service asked for, so it needs no cookie consent.
            IsEssential = true,
            Path = "/",
            MaxAge = Lifetime,
        });

    public static void Delete(HttpContext context) =>
        context.Response.Cookies.Delete(Name, new CookieOptions { HttpOnly = true, Secure = true, SameSite = SameSiteMode.Lax, Path = "/" });

    public static string Hash(string key) => Convert.ToHexString(SHA256.HashData(Encoding.ASCII.GetBytes(key)));
}
