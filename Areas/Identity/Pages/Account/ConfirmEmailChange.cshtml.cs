using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.RazorPages;
using WebApp.Accounts;

namespace WebApp.Areas.Identity.Pages.Account;

/// <summary>The link mailed to a new address: changes the email and the user name together (users sign in by email).</summary>
[AllowAnonymous]
internal sealed class ConfirmEmailChangeModel(UserManager<ApplicationUser> users, SignInManager<ApplicationUser> signIn) : PageModel
{
    public string StatusMessage { get; private set; } = "";

    public async Task OnGetAsync(string? userId, string? email, string? code)
    {
        StatusMessage = "This link is not valid or has expired. Ask for a new one on your account's Email page.";
        var token = EmailTokens.TryDecode(code);
        if (token is null || string.IsNullOrEmpty(userId) || userId.Length > 450 || !EmailAddressRule.IsValid(email)) return;
        var user = await users.FindByIdAsync(userId);
        if (user is null) return;

        var changed = await users.ChangeEmailAsync(user, email!, token);
        if (!changed.Succeeded) return;
        var renamed = await users.SetUserNameAsync(user, email);
        if (!renamed.Succeeded)
        {
            StatusMessage = "Your email was changed, but your user name could not be: please contact us.";
            return;
        }
        if (signIn.IsSignedIn(User) && users.GetUserId(User) == user.Id) await signIn.RefreshSignInAsync(user);
        StatusMessage = "Thank you for confirming your email change.";
    }
}
