using System.Text;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.WebUtilities;
using WebApp.Accounts;

namespace WebApp.Areas.Identity.Pages.Account;

/// <summary>
/// The link in the confirmation mail. Unlike the stock page, the result is an ordinary property shown on this page
/// only: the stock page kept it in TempData, unread, so it came back on whichever page next showed a status message.
/// A damaged link gets a message instead of an error page.
/// </summary>
[AllowAnonymous]
internal sealed class ConfirmEmailModel(UserManager<ApplicationUser> userManager) : PageModel
{
    public string? StatusMessage { get; private set; }

    public async Task<IActionResult> OnGetAsync(string? userId, string? code)
    {
        if (userId is null || code is null) return RedirectToPage("/Index");
        if (await userManager.FindByIdAsync(userId) is not { } user) return NotFound();

        var confirmed = false;
        try
        {
            var token = Encoding.UTF8.GetString(WebEncoders.Base64UrlDecode(code));
            confirmed = (await userManager.ConfirmEmailAsync(user, token)).Succeeded;
        }
        catch (FormatException)
        {
            // A link cut short or mangled by a mail program: the same answer as an expired one.
        }
        StatusMessage = confirmed
            ? "Thank you for confirming your email."
            : "Error: your email could not be confirmed. The link may be incomplete or out of date; log in and ask for a new one.";
        return Page();
    }
}
