using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using WebApp.Accounts;
using WebApp.Accounts.Mail;

namespace WebApp.Areas.Identity.Pages.Account;

/// <summary>
/// Sends the confirmation link again to an unconfirmed account. Unknown, already confirmed and throttled addresses get
/// the same answer and no mail.
/// </summary>
[AllowAnonymous]
internal sealed class ResendEmailConfirmationModel(UserManager<ApplicationUser> users, AccountMail mail, MailRequestThrottle throttle)
    : PageModel
{
    public const string SentMessage = "If an account with that address needs confirming, we have sent it a new link. Please check your email.";

    [BindProperty]
    public AccountEmailInput Input { get; set; } = new();

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (!ModelState.IsValid) return Page();

        var user = await users.FindByEmailAsync(Input.Email);
        if (user is { EmailConfirmed: false } && throttle.TryAcquire("confirm-email", Input.Email))
            await mail.QueueEmailConfirmationAsync(user, Url, Request.Scheme, returnUrl: null, cancellationToken);
        ModelState.AddModelError(string.Empty, SentMessage);
        return Page();
    }
}
