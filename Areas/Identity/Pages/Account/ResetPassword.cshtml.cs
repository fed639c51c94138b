using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using WebApp.Accounts;

namespace WebApp.Areas.Identity.Pages.Account;

/// <summary>
/// The reset link's page. A successful reset also confirms the address: only its mailbox could have received the link.
/// An unknown email answers as a wrong link does (nothing to reveal); a tampered code is a message, not a 500.
/// </summary>
[AllowAnonymous]
internal sealed class ResetPasswordModel(UserManager<ApplicationUser> users, ILogger<ResetPasswordModel> logger) : PageModel
{
    [BindProperty]
    public ResetInput Input { get; set; } = new();

    public const string InvalidLinkMessage = "This reset link is not valid for that email address, or it has expired or been used.";

    public bool InvalidLink { get; private set; }

    public sealed class ResetInput : NewPasswordInput
    {
        [Required]
        [StringLength(4096)]
        public string Code { get; set; } = "";
    }

    public void OnGet(string? code = null)
    {
        var token = EmailTokens.TryDecode(code);
        if (token is null)
        {
            InvalidLink = true;
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return;
        }
        Input = new ResetInput { Code = token };
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (!ModelState.IsValid) return Page();

        var user = await users.FindByEmailAsync(Input.Email);
        // The password rules first, then one message for an unknown address and a wrong or used link alike.
        await Input.CheckPasswordRulesAsync(users, ModelState);
        if (!ModelState.IsValid) return Page();

        if (user is null || !(await users.ResetPasswordAsync(user, Input.Code, Input.Password)).Succeeded)
        {
            ModelState.AddModelError(string.Empty, InvalidLinkMessage);
            return Page();
        }
        if (!user.EmailConfirmed)
        {
            user.EmailConfirmed = true;
            var confirmed = await users.UpdateAsync(user);
            if (!confirmed.Succeeded)
                logger.LogWarning("Could not confirm the email of user {UserId} after a reset: {Errors}",
                    user.Id, string.Join(" ", confirmed.Errors.Select(e => e.Description)));
        }
        return RedirectToPage("./ResetPasswordConfirmation");
    }
}
