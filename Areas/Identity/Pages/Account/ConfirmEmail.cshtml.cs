using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.RazorPages;
using WebApp.Accounts;

namespace WebApp.Areas.Identity.Pages.Account;

/// <summary>The link of the confirmation mail. A wrong, tampered or expired link gets one message, whoever it names.</summary>
[AllowAnonymous]
internal sealed class ConfirmEmailModel(UserManager<ApplicationUser> users) : PageModel
{
    public string StatusMessage { get; private set; } = "";

    public async Task OnGetAsync(string? userId, string? code)
    {
        var token = EmailTokens.TryDecode(code);
        var user = token is null || string.IsNullOrEmpty(userId) || userId.Length > 450 ? null : await users.FindByIdAsync(userId);
        var result = user is null ? null : await users.ConfirmEmailAsync(user, token!);
        StatusMessage = result is { Succeeded: true }
            ? "Thank you for confirming your email."
            : "This confirmation link is not valid or has expired. You can ask for a new one from the login page.";
    }
}
