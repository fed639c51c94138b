using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using WebApp.Site;

namespace WebApp.Accounts.SignIn;

/// <summary>
/// Throttles sign-in attempts (the password, two-factor and recovery-code forms) in ASP.NET Core's rate limiter, in two
/// limits that must both allow an attempt: per client address, and per account. The account is the email typed (the same
/// for unknown emails, so the answer tells nothing) or, on the code pages, the half-signed-in user; a browser that has
/// signed in to the account before has a budget of its own (<see cref="SignInDevices"/>).
/// </summary>
internal sealed class SignInThrottle : IRequestRateLimit, IDisposable
{
    private const string AccountItem = "SignInThrottle.Account";

    private static readonly string[] Paths =
        ["/Identity/Account/Login", "/Identity/Account/LoginWith2fa", "/Identity/Account/LoginWithRecoveryCode"];

    private readonly PartitionedRateLimiter<HttpContext> _byAddress;
    private readonly PartitionedRateLimiter<HttpContext> _byAccount;

    public SignInThrottle(IOptions<SignInThrottleOptions> options, TimeProvider time)
    {
        var limits = options.Value;
        _byAddress = PartitionedRateLimiter.Create<HttpContext, string>(context => IsAttempt(context)
            ? WindowRateLimiter.Partition("address:" + (context.Connection.RemoteIpAddress?.ToString() ?? "unknown"),
                limits.PerAddressPermitLimit, limits.Window, time)
            : RateLimitPartition.GetNoLimiter(""));
        _byAccount = PartitionedRateLimiter.Create<HttpContext, string>(context =>
            IsAttempt(context) && context.Items[AccountItem] is string account
                ? WindowRateLimiter.Partition(account, limits.PerAccountPermitLimit, limits.Window, time)
                : RateLimitPartition.GetNoLimiter(""));
        Limiter = PartitionedRateLimiter.CreateChained(_byAddress, _byAccount);
    }

    public PartitionedRateLimiter<HttpContext> Limiter { get; }

    public static bool IsAttempt(HttpContext context) =>
        HttpMethods.IsPost(context.Request.Method)
        && Paths.Any(path => context.Request.Path.Equals(path, StringComparison.OrdinalIgnoreCase));

    /// <summary>
    /// Finds the account an attempt is for, before the limiter runs: its partitions are chosen synchronously, and the
    /// form and the two-factor cookie can only be read asynchronously.
    /// </summary>
    public static async Task FindAccountAsync(HttpContext context, SignInDevices devices)
    {
        if (context.Request.Path.Equals(Paths[0], StringComparison.OrdinalIgnoreCase))
        {
            if (!context.Request.HasFormContentType) return;
            IFormCollection form;
            try
            {
                form = await context.Request.ReadFormAsync(context.RequestAborted);
            }
            catch (Exception exception) when (exception is InvalidDataException or IOException or BadHttpRequestException)
            {
                return; // The antiforgery check refuses the unreadable form with a 400.
            }
            var email = form["Input.Email"].ToString();
            if (email.Length is 0 or > EmailAddressRule.MaxLength) return;
            var account = devices.AccountKey(email);
            context.Items[AccountItem] = devices.DeviceFor(context, account) is { } device ? $"device:{account}:{device}" : "account:" + account;
            return;
        }
        var twoFactor = await context.AuthenticateAsync(IdentityConstants.TwoFactorUserIdScheme);
        if (twoFactor.Principal?.Identity?.Name is { } userId) context.Items[AccountItem] = "two-factor:" + userId;
    }

    public void Dispose()
    {
        Limiter.Dispose();
        _byAddress.Dispose();
        _byAccount.Dispose();
    }
}
