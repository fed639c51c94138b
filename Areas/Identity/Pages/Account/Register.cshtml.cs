using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using WebApp.Accounts;
using WebApp.Accounts.Mail;
using WebApp.Data;

namespace WebApp.Areas.Identity.Pages.Account;

/// <summary>
/// Registration that gives nothing away: a new address gets an account and a confirmation mail, a taken one gets a
/// mail to its owner; both answer with the same "check your email" page after the same work (a password hash). The user
/// row and its mail are stored in one transaction through the outbox, so a mail failure never leaves half an account.
/// </summary>
[AllowAnonymous]
internal sealed class RegisterModel(
    UserManager<ApplicationUser> users, AppDbContext db, AccountMail mail, MailRequestThrottle throttle, ILogger<RegisterModel> logger)
    : PageModel
{
    [BindProperty]
    public NewPasswordInput Input { get; set; } = new();

    public string? ReturnUrl { get; private set; }

    public void OnGet(string? returnUrl = null) => ReturnUrl = returnUrl;

    public async Task<IActionResult> OnPostAsync(string? returnUrl = null, CancellationToken cancellationToken = default)
    {
        ReturnUrl = returnUrl;
        if (!ModelState.IsValid) return Page();

        await Input.CheckPasswordRulesAsync(users, ModelState);
        if (!ModelState.IsValid) return Page();

        var user = new ApplicationUser { UserName = Input.Email, Email = Input.Email };

        var owner = await users.FindByEmailAsync(Input.Email);
        if (owner is not null)
        {
            // The same work as a new account: one password hash.
            users.PasswordHasher.HashPassword(user, Input.Password);
            if (throttle.TryAcquire("already-registered", Input.Email))
            {
                await mail.QueueAsync(AccountEmails.AlreadyRegistered(owner.Email!,
                    Url.Page("/Account/Login", null, new { area = "Identity" }, Request.Scheme)!,
                    Url.Page("/Account/ForgotPassword", null, new { area = "Identity" }, Request.Scheme)!), cancellationToken);
            }
            return RedirectToPage("./RegisterConfirmation", new { returnUrl });
        }

        await using (var transaction = await db.Database.BeginTransactionAsync(cancellationToken))
        {
            var created = await users.CreateAsync(user, Input.Password);
            if (!created.Succeeded)
            {
                // Another registration for the same address may have won the race: answer as for a taken address.
                if (created.Errors.Any(e => e.Code is nameof(IdentityErrorDescriber.DuplicateEmail) or nameof(IdentityErrorDescriber.DuplicateUserName)))
                    return RedirectToPage("./RegisterConfirmation", new { returnUrl });
                foreach (var error in created.Errors) ModelState.AddModelError(string.Empty, error.Description);
                return Page();
            }
            await mail.QueueEmailConfirmationAsync(user, Url, Request.Scheme, returnUrl, cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }
        logger.LogInformation("User {UserId} registered.", user.Id);
        return RedirectToPage("./RegisterConfirmation", new { returnUrl });
    }
}
