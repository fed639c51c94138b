using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using WebApp.Accounts;
using WebApp.Accounts.Mail;

namespace WebApp.Areas.Identity.Pages.Account;

/// <summary>
/// Mails a reset link to any account of that address, confirmed or not (the reset then confirms it: the link proves the
/// mailbox). Unknown addresses and throttled ones get the same answer and no mail.
/// </summary>
[AllowAnonymous]
internal sealed class ForgotPasswordModel(UserManager<ApplicationUser> users, AccountMail mail, MailRequestThrottle throttle) : PageModel
{
    [BindProperty]
    public AccountEmailInput Input { get; set; } = new();

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (!ModelState.IsValid) return Page();

        var user = await users.FindByEmailAsync(Input.Email);
        if (user is not null && throttle.TryAcquire("reset-password", Input.Email))
        {
            var code = EmailTokens.Encode(await users.GeneratePasswordResetTokenAsync(user));
            var link = Url.Page("/Account/ResetPassword", null, new { area = "Identity", code }, Request.Scheme)!;
            await mail.QueueAsync(AccountEmails.ResetPassword(user.Email!, link), cancellationToken);
        }
        return RedirectToPage("./ForgotPasswordConfirmation");
    }
}
