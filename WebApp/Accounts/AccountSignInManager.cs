using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using WebApp.Accounts.Audit;
using WebApp.Accounts.SignIn;
using WebApp.Operations;

namespace WebApp.Accounts;

/// <summary>
/// The site's sign-in rules on top of Identity's: inactive users cannot sign in (and lose their session at the next
/// security-stamp check), and every real sign-in records <see cref="ApplicationUser.LastLogin"/>. A password is always
/// hashed, for unknown emails and refused accounts too, so that the time of the answer does not tell who has an account.
/// </summary>
internal sealed class AccountSignInManager(
    UserManager<ApplicationUser> userManager,
    IHttpContextAccessor contextAccessor,
    IUserClaimsPrincipalFactory<ApplicationUser> claimsFactory,
    IOptions<IdentityOptions> optionsAccessor,
    ILogger<SignInManager<ApplicationUser>> logger,
    IAuthenticationSchemeProvider schemes,
    IUserConfirmation<ApplicationUser> confirmation,
    SignInDevices devices,
    AuditLog audit,
    ShopMetrics metrics)
    : SignInManager<ApplicationUser>(userManager, contextAccessor, claimsFactory, optionsAccessor, logger, schemes, confirmation)
{
    // A refresh re-issues the cookie after a profile change; it is not a new login.
    private bool _refreshingSignIn;

    // Verified against when there is no hash to check: costs what a real check costs.
    private static readonly Lazy<string> StandInHash = new(() =>
        new PasswordHasher<ApplicationUser>().HashPassword(new ApplicationUser(), Guid.NewGuid().ToString()));

    public override async Task<SignInResult> PasswordSignInAsync(string userName, string password, bool isPersistent, bool lockoutOnFailure)
    {
        var user = await UserManager.FindByNameAsync(userName);
        if (user is null)
        {
            UserManager.PasswordHasher.VerifyHashedPassword(new ApplicationUser(), StandInHash.Value, password);
            return Recorded(SignInResult.Failed, userName, PasswordMethod);
        }
        return await PasswordSignInAsync(user, password, isPersistent, lockoutOnFailure);
    }

    public override async Task<SignInResult> PasswordSignInAsync(ApplicationUser user, string password, bool isPersistent, bool lockoutOnFailure) =>
        Recorded(await base.PasswordSignInAsync(user, password, isPersistent, lockoutOnFailure), user.Email, PasswordMethod);

    public override async Task<SignInResult> TwoFactorAuthenticatorSignInAsync(string code, bool isPersistent, bool rememberClient)
    {
        var user = await GetTwoFactorAuthenticationUserAsync();
        return Recorded(await base.TwoFactorAuthenticatorSignInAsync(code, isPersistent, rememberClient), user?.Email, "authenticator code");
    }

    public override async Task<SignInResult> TwoFactorRecoveryCodeSignInAsync(string recoveryCode)
    {
        var user = await GetTwoFactorAuthenticationUserAsync();
        return Recorded(await base.TwoFactorRecoveryCodeSignInAsync(recoveryCode), user?.Email, "recovery code");
    }

    private const string PasswordMethod = "password";

    /// <summary>A refused attempt in the audit log and the metrics; a success is recorded where every sign-in ends.</summary>
    private SignInResult Recorded(SignInResult result, string? account, string method)
    {
        if (result.IsLockedOut)
        {
            audit.RecordLockout(account, method);
            metrics.LockedOut();
        }
        else if (!result.Succeeded && !result.RequiresTwoFactor)
        {
            audit.RecordSignInFailure(account, method, result.IsNotAllowed ? "not allowed (inactive or unconfirmed)" : "wrong credentials");
            metrics.SignInFailed();
        }
        return result;
    }

    public override async Task<SignInResult> CheckPasswordSignInAsync(ApplicationUser user, string password, bool lockoutOnFailure)
    {
        // Identity refuses inactive or locked accounts before looking at the password: hash it anyway.
        if (!await CanSignInAsync(user) || await IsLockedOut(user))
            UserManager.PasswordHasher.VerifyHashedPassword(user, user.PasswordHash ?? StandInHash.Value, password);
        return await base.CheckPasswordSignInAsync(user, password, lockoutOnFailure);
    }

    public override async Task<bool> CanSignInAsync(ApplicationUser user)
    {
        if (!user.IsActive)
        {
            Logger.LogWarning("User {UserId} cannot sign in: the account is inactive.", user.Id);
            return false;
        }
        return await base.CanSignInAsync(user);
    }

    public override async Task<ApplicationUser?> ValidateSecurityStampAsync(ClaimsPrincipal? principal)
    {
        var user = await base.ValidateSecurityStampAsync(principal);
        return user is { IsActive: true } ? user : null;
    }

    public override async Task RefreshSignInAsync(ApplicationUser user)
    {
        _refreshingSignIn = true;
        try
        {
            await base.RefreshSignInAsync(user);
        }
        finally
        {
            _refreshingSignIn = false;
        }
    }

    /// <summary>Every sign-in (password, two-factor, external login, after registration) ends here.</summary>
    public override async Task SignInWithClaimsAsync(
        ApplicationUser user, AuthenticationProperties? authenticationProperties, IEnumerable<Claim> additionalClaims)
    {
        await base.SignInWithClaimsAsync(user, authenticationProperties, additionalClaims);
        if (_refreshingSignIn) return;

        if (user.Email is not null) devices.Remember(Context, user.Email);
        // Identity adds the authentication method reference: "pwd" for a password, "mfa" with a second factor.
        audit.RecordSignIn(user, additionalClaims.FirstOrDefault(c => c.Type == "amr")?.Value ?? "sign-in");

        user.LastLogin = DateTime.UtcNow;
        var result = await UserManager.UpdateAsync(user);
        if (!result.Succeeded)
        {
            Logger.LogWarning("Could not record the last login of user {UserId}: {Errors}",
                user.Id, string.Join(" ", result.Errors.Select(e => e.Description)));
        }
    }
}
