using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using WebApp.Accounts;
using WebApp.Site;

namespace WebApp.Areas.Identity.Pages.Account;

/// <summary>Logging out is a POST (a GET only shows the button); it goes back to the safe return URL or home.</summary>
[AllowAnonymous]
internal sealed class LogoutModel(SignInManager<ApplicationUser> signInManager, ILogger<LogoutModel> logger) : PageModel
{
    public string? ReturnUrl { get; private set; }

    public void OnGet(string? returnUrl = null) => ReturnUrl = returnUrl;

    public async Task<IActionResult> OnPostAsync(string? returnUrl = null)
    {
        await signInManager.SignOutAsync();
        logger.LogInformation("User logged out.");
        // The message comes from the sign-out itself (SignedOutMessage), as for every other way of signing out.
        return LocalRedirect(ReturnUrls.SafeOr(returnUrl, "/"));
    }
}
