using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using WebApp.Accounts;
using WebApp.Accounts.Mail;

namespace WebApp.Areas.Identity.Pages.Account.Manage;

/// <summary>
/// Change of email: the new address is checked by <see cref="EmailAddressRule"/> before anything is sent, and changes
/// only when its link is followed. An address taken by another account gets the same answer and no mail.
/// </summary>
[Authorize]
internal sealed class EmailModel(UserManager<ApplicationUser> users, AccountMail mail, MailRequestThrottle throttle) : PageModel
{
    public const string ChangeSentMessage = "Confirmation link to change email sent. Please check your email.";
    public const string VerificationSentMessage = "Verification email sent. Please check your email.";

    public string Email { get; private set; } = "";

    public bool IsEmailConfirmed { get; private set; }

    [TempData]
    public string? StatusMessage { get; set; }

    [BindProperty]
    public EmailInput Input { get; set; } = new();

    public sealed class EmailInput
    {
        [Required]
        [StringLength(EmailAddressRule.MaxLength)]
        [DeliverableEmail]
        [Display(Name = "New email")]
        public string NewEmail { get; set; } = "";
    }

    public async Task<IActionResult> OnGetAsync()
    {
        var user = await users.GetUserAsync(User);
        if (user is null) return NotFound("Unable to load your account.");
        Load(user);
        return Page();
    }

    public async Task<IActionResult> OnPostChangeEmailAsync(CancellationToken cancellationToken)
    {
        var user = await users.GetUserAsync(User);
        if (user is null) return NotFound("Unable to load your account.");
        if (!ModelState.IsValid)
        {
            Load(user);
            return Page();
        }
        if (string.Equals(Input.NewEmail, user.Email, StringComparison.OrdinalIgnoreCase))
        {
            StatusMessage = "Your email is unchanged.";
            return RedirectToPage();
        }

        var taken = await users.FindByEmailAsync(Input.NewEmail) is not null;
        if (!taken && throttle.TryAcquire("change-email", user.Id))
        {
            var code = EmailTokens.Encode(await users.GenerateChangeEmailTokenAsync(user, Input.NewEmail));
            var link = Url.Page("/Account/ConfirmEmailChange", null,
                new { area = "Identity", userId = user.Id, email = Input.NewEmail, code }, Request.Scheme)!;
            await mail.QueueAsync(AccountEmails.ConfirmEmailChange(Input.NewEmail, link), cancellationToken);
        }
        StatusMessage = ChangeSentMessage;
        return RedirectToPage();
    }

    public async Task<IActionResult> OnPostSendVerificationEmailAsync(CancellationToken cancellationToken)
    {
        var user = await users.GetUserAsync(User);
        if (user is null) return NotFound("Unable to load your account.");

        if (!user.EmailConfirmed && throttle.TryAcquire("confirm-email", user.Email!))
            await mail.QueueEmailConfirmationAsync(user, Url, Request.Scheme, returnUrl: null, cancellationToken);
        StatusMessage = VerificationSentMessage;
        return RedirectToPage();
    }

    private void Load(ApplicationUser user)
    {
        Email = user.Email ?? "";
        IsEmailConfirmed = user.EmailConfirmed;
        if (string.IsNullOrEmpty(Input.NewEmail) && ModelState.IsValid) Input.NewEmail = Email;
    }
}
