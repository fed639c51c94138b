using System.Security.Cryptography;

namespace WebApp.Orders;

/// <summary>
/// Order numbers such as WA-7K3F9Q2M: random (they reveal nothing about sales), easy to read out, and free of
/// look-alike characters (no 0/O, 1/I/L).
/// </summary>
public static class OrderNumbers
{
    public const string Prefix = "WA-";
    public const string Alphabet = "23456789ABCDEFGHJKMNPQRSTUVWXYZ";
    public const int RandomLength = 8;

    public static string New() => Prefix + RandomNumberGenerator.GetString(Alphabet, RandomLength);

    public static bool IsWellFormed(string? number) =>
        number is { Length: 11 } && number.StartsWith(Prefix, StringComparison.Ordinal)
        && number.AsSpan(Prefix.Length).IndexOfAnyExcept(Alphabet) < 0;
}

/// <summary>The one-time token a checkout's review step carries: placing an order twice with it finds the first order.</summary>
public static class CheckoutTokens
{
    public static string New() => System.Buffers.Text.Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(16));

    public static bool IsWellFormed(string? token) =>
        token is { Length: >= 16 and <= 64 } && System.Buffers.Text.Base64Url.IsValid(token);
}
