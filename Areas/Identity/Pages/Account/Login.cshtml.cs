using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using WebApp.Accounts;
using WebApp.Site;

namespace WebApp.Areas.Identity.Pages.Account;

/// <summary>
/// The login page. Wrong passwords do not lock the account (that would let anyone lock a customer out): the sign-in
/// throttle slows guessing instead (<see cref="SignInThrottle"/>). An unknown email, a wrong password and an inactive
/// account get the same message after the same work (<see cref="AccountSignInManager"/>).
/// </summary>
[AllowAnonymous]
internal sealed class LoginModel(SignInManager<ApplicationUser> signInManager, ILogger<LoginModel> logger) : PageModel
{
    [BindProperty]
    public LoginInput Input { get; set; } = new();

    public IReadOnlyList<AuthenticationScheme> ExternalLogins { get; private set; } = [];

    /// <summary>Where to go after logging in: always a local address.</summary>
    public string ReturnUrl { get; private set; } = "/";

    /// <summary>Set by pages that send the user back here, such as a failed external login.</summary>
    [TempData]
    public string? ErrorMessage { get; set; }

    public sealed class LoginInput
    {
        [Required, StringLength(EmailAddressRule.MaxLength), EmailAddress]
        public string Email { get; set; } = "";

        [Required, StringLength(1024), DataType(DataType.Password)]
        public string Password { get; set; } = "";

        [Display(Name = "Remember me?")]
        public bool RememberMe { get; set; }
    }

    public async Task OnGetAsync(string? returnUrl = null)
    {
        if (!string.IsNullOrEmpty(ErrorMessage))
            ModelState.AddModelError(string.Empty, ErrorMessage);

        ReturnUrl = LocalReturnUrl(returnUrl);
        // A half-finished external login must not leak into this one.
        await HttpContext.SignOutAsync(IdentityConstants.ExternalScheme);
        ExternalLogins = [.. await signInManager.GetExternalAuthenticationSchemesAsync()];
    }

    public async Task<IActionResult> OnPostAsync(string? returnUrl = null)
    {
        ReturnUrl = LocalReturnUrl(returnUrl);
        ExternalLogins = [.. await signInManager.GetExternalAuthenticationSchemesAsync()];
        if (!ModelState.IsValid)
            return Page();

        var result = await signInManager.PasswordSignInAsync(Input.Email, Input.Password, Input.RememberMe, lockoutOnFailure: false);
        if (result.Succeeded)
        {
            logger.LogInformation("User {Email} logged in.", Input.Email);
            return LocalRedirect(ReturnUrl);
        }
        if (result.RequiresTwoFactor)
            return RedirectToPage("./LoginWith2fa", new { ReturnUrl, Input.RememberMe });
        if (result.IsLockedOut)
        {
            logger.LogWarning("User {Email} is locked out.", Input.Email);
            return RedirectToPage("./Lockout");
        }

        // Wrong password, unknown email or inactive account: one message, so that the form reveals no accounts.
        ModelState.AddModelError(string.Empty, "Invalid login attempt.");
        return Page();
    }

    private static string LocalReturnUrl(string? returnUrl) => ReturnUrls.SafeOr(returnUrl, "/");
}
