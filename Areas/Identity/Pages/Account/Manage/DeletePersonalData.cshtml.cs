using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using WebApp.Accounts;

namespace WebApp.Areas.Identity.Pages.Account.Manage;

/// <summary>
/// The stock "close my account" page, through <see cref="AccountDeletion"/>: a customer's orders are kept for the shop's
/// books without their personal data; reviews and API tokens go with the account.
/// </summary>
[Authorize]
internal sealed class DeletePersonalDataModel(
    UserManager<ApplicationUser> userManager,
    SignInManager<ApplicationUser> signInManager,
    AccountDeletion deletion,
    ILogger<DeletePersonalDataModel> logger) : PageModel
{
    [BindProperty]
    public DeleteInput Input { get; set; } = new();

    public bool RequirePassword { get; private set; }

    public sealed class DeleteInput
    {
        [DataType(DataType.Password)]
        public string? Password { get; set; }
    }

    public async Task<IActionResult> OnGetAsync()
    {
        if (await userManager.GetUserAsync(User) is not { } user)
            return NotFound();
        RequirePassword = await userManager.HasPasswordAsync(user);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (await userManager.GetUserAsync(User) is not { } user)
            return NotFound();

        RequirePassword = await userManager.HasPasswordAsync(user);
        if (RequirePassword && (string.IsNullOrEmpty(Input.Password) || !await userManager.CheckPasswordAsync(user, Input.Password)))
        {
            ModelState.AddModelError(string.Empty, "Incorrect password.");
            return Page();
        }
        var result = await deletion.DeleteAsync(user, cancellationToken);
        if (!result.Succeeded)
        {
            ModelState.AddModelError(string.Empty, "Your account could not be deleted: " +
                string.Join(" ", result.Errors.Select(e => e.Description)));
            return Page();
        }
        await signInManager.SignOutAsync();
        logger.LogInformation("User {UserId} deleted their account.", user.Id);
        return Redirect("~/");
    }
}
