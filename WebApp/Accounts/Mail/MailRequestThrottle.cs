using System.ComponentModel.DataAnnotations;
using System.Security.Cryptography;
using System.Text;
using System.Threading.RateLimiting;
using Microsoft.Extensions.Options;
using WebApp.Site;

namespace WebApp.Accounts.Mail;

/// <summary>Configuration section <c>Accounts:MailThrottle</c>: mails on demand per address and kind.</summary>
internal sealed class MailThrottleOptions
{
    public const string SectionName = "Accounts:MailThrottle";

    [Range(1, 1000)]
    public int PermitLimit { get; set; } = 3;

    [Range(typeof(TimeSpan), "00:00:01", "7.00:00:00")]
    public TimeSpan Window { get; set; } = TimeSpan.FromHours(1);
}

/// <summary>
/// Limits the mails anyone can make the site send to one address (password reset, confirmation again, change of
/// email, "you already have an account"), so the forms cannot be used to flood a mailbox. The page answers the same
/// either way. Keys are hashed: an attacker's long or numerous addresses cost a fixed few bytes each, for one window.
/// </summary>
internal sealed class MailRequestThrottle : IDisposable
{
    private readonly PartitionedRateLimiter<string> _limiter;

    public MailRequestThrottle(IOptions<MailThrottleOptions> options, TimeProvider time)
    {
        var settings = options.Value;
        _limiter = PartitionedRateLimiter.Create<string, string>(
            key => WindowRateLimiter.Partition(key, settings.PermitLimit, settings.Window, time));
    }

    /// <summary>True when one more mail of this kind may go to this address now.</summary>
    public bool TryAcquire(string kind, string address)
    {
        var key = Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(kind + "\n" + address.Trim().ToUpperInvariant())));
        using var lease = _limiter.AttemptAcquire(key);
        return lease.IsAcquired;
    }

    public void Dispose() => _limiter.Dispose();
}
