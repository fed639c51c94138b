using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace WebApp.Accounts.SignIn;

/// <summary>
/// The sign-in cookie's security-stamp check (a changed password or a deactivated account ends other sessions), made
/// only when it is due. Identity's own hook resolves its validator on every request before looking at the time: a
/// SignInManager, a UserManager and their stores, a few percent of a signed-in request's CPU, to find out that the
/// cookie was checked less than <see cref="SecurityStampValidatorOptions.ValidationInterval"/> ago. The test here is
/// the validator's own; when it passes, Identity's validator runs as before.
/// </summary>
internal static class SecurityStampCheck
{
    public static Task ValidateWhenDueAsync(CookieValidatePrincipalContext context)
    {
        var options = context.HttpContext.RequestServices.GetRequiredService<IOptions<SecurityStampValidatorOptions>>().Value;
        var now = options.TimeProvider?.GetUtcNow() ?? DateTimeOffset.UtcNow;
        var due = context.Properties.IssuedUtc is not { } issued || now - issued > options.ValidationInterval;
        return due ? SecurityStampValidator.ValidatePrincipalAsync(context) : Task.CompletedTask;
    }
}
