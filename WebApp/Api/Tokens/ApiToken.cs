using System.ComponentModel.DataAnnotations;
using WebApp.Accounts;

namespace WebApp.Api.Tokens;

/// <summary>
/// A personal API token. Only a SHA-256 hash of the secret is stored: the token is shown once, when it is made.
/// <see cref="Prefix"/> is the public part that finds the row (and lets its owner recognise it in a list).
/// </summary>
public class ApiToken
{
    public const int NameMaxLength = 100;

    public int Id { get; set; }

    [Required]
    [Display(Name = "User")]
    public string UserId { get; set; } = "";
    public ApplicationUser? User { get; set; }

    [Required, StringLength(NameMaxLength)]
    public string Name { get; set; } = "";

    [Required, StringLength(ApiTokenFormat.PrefixLength)]
    public string Prefix { get; set; } = "";

    /// <summary>SHA-256 of the whole token: enough for a 256-bit random secret, which no one can guess or brute-force.</summary>
    [Display(Name = "Secret hash")]
    public byte[] SecretHash { get; set; } = [];

    [Display(Name = "Created")]
    public DateTime CreatedAt { get; set; }

    [Display(Name = "Expires")]
    public DateTime? ExpiresAt { get; set; }

    /// <summary>Updated at most once a minute (<see cref="ApiTokenService.LastUsedResolution"/>), not on every request.</summary>
    [Display(Name = "Last used")]
    public DateTime? LastUsedAt { get; set; }

    [Display(Name = "Revoked")]
    public DateTime? RevokedAt { get; set; }

    public override string ToString() => $"{Name} ({ApiTokenFormat.Display(Prefix)})";
}
