using System.ComponentModel.DataAnnotations;

namespace WebApp.Accounts.SignIn;

/// <summary>Configuration section <c>Accounts:SignInThrottle</c>: sign-in attempts (password or code) per window.</summary>
internal sealed class SignInThrottleOptions
{
    public const string SectionName = "Accounts:SignInThrottle";

    /// <summary>Attempts per window from one client address, whatever the accounts.</summary>
    [Range(1, 100_000)]
    public int PerAddressPermitLimit { get; set; } = 20;

    /// <summary>
    /// Attempts per window on one account (the email typed, known or not) from browsers it has not signed in on; each
    /// browser it has signed in on has a budget of its own of the same size.
    /// </summary>
    [Range(1, 100_000)]
    public int PerAccountPermitLimit { get; set; } = 10;

    [Range(typeof(TimeSpan), "00:00:01", "1.00:00:00")]
    public TimeSpan Window { get; set; } = TimeSpan.FromMinutes(15);
}
