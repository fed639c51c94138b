using System.ComponentModel.DataAnnotations;
using System.Text;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;
using WebApp.Accounts;
using WebApp.Accounts.TwoFactor;
using WebApp.Site;

namespace WebApp.Areas.Identity.Pages.Account.Manage;

/// <summary>
/// The stock "set up an authenticator app" page, with a QR code drawn on the server and the shop's name as issuer.
/// Making a new key changes the security stamp; the session is refreshed at once, or the next stamp check (a minute
/// later) would sign the user out before they could type the code.
/// </summary>
[Authorize]
internal sealed class EnableAuthenticatorModel(
    UserManager<ApplicationUser> userManager,
    SignInManager<ApplicationUser> signInManager,
    IOptions<SiteOptions> site,
    ILogger<EnableAuthenticatorModel> logger) : PageModel
{
    public string SharedKey { get; private set; } = "";

    public string AuthenticatorUri { get; private set; } = "";

    public string QrCodeSvg { get; private set; } = "";

    [TempData]
    public string[]? RecoveryCodes { get; set; }

    [TempData]
    public string? StatusMessage { get; set; }

    [BindProperty]
    public CodeInput Input { get; set; } = new();

    public sealed class CodeInput
    {
        [Required(ErrorMessage = "Enter the code your authenticator app shows.")]
        [StringLength(7, MinimumLength = 6, ErrorMessage = "The code has 6 digits.")]
        [DataType(DataType.Text)]
        [Display(Name = "Verification code")]
        public string Code { get; set; } = "";
    }

    public async Task<IActionResult> OnGetAsync()
    {
        if (await userManager.GetUserAsync(User) is not { } user) return NotFound();
        await LoadSharedKeyAndQrCodeAsync(user);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (await userManager.GetUserAsync(User) is not { } user) return NotFound();
        if (!ModelState.IsValid)
        {
            await LoadSharedKeyAndQrCodeAsync(user);
            return Page();
        }

        var code = Input.Code.Replace(" ", string.Empty, StringComparison.Ordinal).Replace("-", string.Empty, StringComparison.Ordinal);
        var valid = await userManager.VerifyTwoFactorTokenAsync(
            user, userManager.Options.Tokens.AuthenticatorTokenProvider, code);
        if (!valid)
        {
            ModelState.AddModelError("Input.Code", "That code is not valid. Check the time on your phone and enter the newest code.");
            await LoadSharedKeyAndQrCodeAsync(user);
            return Page();
        }

        await userManager.SetTwoFactorEnabledAsync(user, true);
        // Enabling two-factor changes the security stamp too: keep this session.
        await signInManager.RefreshSignInAsync(user);
        logger.LogInformation("User {UserId} enabled two-factor authentication with an authenticator app.", user.Id);
        StatusMessage = "Your authenticator app has been verified.";

        if (await userManager.CountRecoveryCodesAsync(user) > 0)
            return RedirectToPage("./TwoFactorAuthentication");
        RecoveryCodes = (await userManager.GenerateNewTwoFactorRecoveryCodesAsync(user, 10))?.ToArray();
        return RedirectToPage("./ShowRecoveryCodes");
    }

    private async Task LoadSharedKeyAndQrCodeAsync(ApplicationUser user)
    {
        var key = await userManager.GetAuthenticatorKeyAsync(user);
        if (string.IsNullOrEmpty(key))
        {
            await userManager.ResetAuthenticatorKeyAsync(user);
            await signInManager.RefreshSignInAsync(user);
            key = await userManager.GetAuthenticatorKeyAsync(user)
                ?? throw new InvalidOperationException("The user store did not keep the new authenticator key.");
        }

        SharedKey = FormatKey(key);
        AuthenticatorUri = AuthenticatorQrCode.Uri(site.Value.Name, (await userManager.GetEmailAsync(user))!, key);
        QrCodeSvg = AuthenticatorQrCode.Svg(AuthenticatorUri);
    }

    /// <summary>The key in groups of four, lower case, as people type it into an app.</summary>
    private static string FormatKey(string key)
    {
        var result = new StringBuilder();
        for (var i = 0; i < key.Length; i += 4)
        {
            if (i > 0) result.Append(' ');
            result.Append(key.AsSpan(i, Math.Min(4, key.Length - i)));
        }
        return result.ToString().ToLowerInvariant();
    }
}
