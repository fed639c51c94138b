using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace WebApp.Accounts.Audit;

/// <summary>
/// Identity's UserManager that writes every password and two-factor change to the <see cref="AuditLog"/>, whichever page
/// or admin action made it (the stock Identity UI pages, the overridden ones, the admin's "set a password").
/// </summary>
internal sealed class AuditedUserManager(
    IUserStore<ApplicationUser> store,
    IOptions<IdentityOptions> optionsAccessor,
    IPasswordHasher<ApplicationUser> passwordHasher,
    IEnumerable<IUserValidator<ApplicationUser>> userValidators,
    IEnumerable<IPasswordValidator<ApplicationUser>> passwordValidators,
    ILookupNormalizer keyNormalizer,
    IdentityErrorDescriber errors,
    IServiceProvider services,
    ILogger<UserManager<ApplicationUser>> logger,
    AuditLog audit)
    : UserManager<ApplicationUser>(store, optionsAccessor, passwordHasher, userValidators, passwordValidators, keyNormalizer,
        errors, services, logger)
{
    public override async Task<IdentityResult> ChangePasswordAsync(ApplicationUser user, string currentPassword, string newPassword) =>
        PasswordChange(user, "changed", await base.ChangePasswordAsync(user, currentPassword, newPassword));

    public override async Task<IdentityResult> ResetPasswordAsync(ApplicationUser user, string token, string newPassword) =>
        PasswordChange(user, "reset", await base.ResetPasswordAsync(user, token, newPassword));

    public override async Task<IdentityResult> AddPasswordAsync(ApplicationUser user, string password) =>
        PasswordChange(user, "set", await base.AddPasswordAsync(user, password));

    public override async Task<IdentityResult> RemovePasswordAsync(ApplicationUser user) =>
        PasswordChange(user, "removed", await base.RemovePasswordAsync(user));

    public override async Task<IdentityResult> SetTwoFactorEnabledAsync(ApplicationUser user, bool enabled) =>
        TwoFactorChange(user, enabled ? "enabled" : "disabled", await base.SetTwoFactorEnabledAsync(user, enabled));

    public override async Task<IdentityResult> ResetAuthenticatorKeyAsync(ApplicationUser user) =>
        TwoFactorChange(user, "new authenticator key", await base.ResetAuthenticatorKeyAsync(user));

    public override async Task<IEnumerable<string>?> GenerateNewTwoFactorRecoveryCodesAsync(ApplicationUser user, int number)
    {
        var codes = await base.GenerateNewTwoFactorRecoveryCodesAsync(user, number);
        if (codes is not null) audit.RecordTwoFactorChange(user, "new recovery codes");
        return codes;
    }

    private IdentityResult PasswordChange(ApplicationUser user, string change, IdentityResult result)
    {
        if (result.Succeeded) audit.RecordPasswordChange(user, change);
        return result;
    }

    private IdentityResult TwoFactorChange(ApplicationUser user, string change, IdentityResult result)
    {
        if (result.Succeeded) audit.RecordTwoFactorChange(user, change);
        return result;
    }
}
