using System.Net.Mail;
using System.Text.RegularExpressions;

namespace WebApp.Accounts;

/// <summary>
/// The one rule for an email address the shop stores or writes to: a plain <c>local@domain</c> in ASCII (a dot-atom local
/// part of the characters Identity allows in user names, a domain of letter-digit-hyphen labels and a dotted name), which both
/// <see cref="MailAddress"/> and MailKit accept. Identity's <c>[EmailAddress]</c> only looks for an "@", so it let in
/// addresses such as <c>a..b@example.com</c> that the mail code then refused (a 500 after the account was stored).
/// </summary>
public static partial class EmailAddressRule
{
    /// <summary>RFC 5321: at most 254 characters in a path, 64 in the local part.</summary>
    public const int MaxLength = 254;

    public const string Message = "Enter an email address such as name@example.com (letters, digits and . _ + - before the @).";

    public static bool IsValid(string? address)
    {
        if (string.IsNullOrEmpty(address) || address.Length > MaxLength) return false;
        var at = address.IndexOf('@');
        if (at < 1 || at > 64 || !Shape().IsMatch(address)) return false;
        // The sender must be able to use it exactly as stored.
        return MailAddress.TryCreate(address, out var parsed) && parsed.Address == address;
    }

    // Local: dot-atom of the characters Identity allows in user names (no quotes, no ";", no ".."); domain: LDH labels, a letter TLD.
    [GeneratedRegex(@"^[A-Za-z0-9_+-]+(\.[A-Za-z0-9_+-]+)*@([A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?\.)+[A-Za-z]{2,63}\z",
        RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 1000)]
    private static partial Regex Shape();
}
