using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using WebApp.Accounts;
using WebApp.Data;

namespace WebApp.Areas.Identity.Pages.Account.Manage;

/// <summary>
/// The stock "close my account" page, except that a customer with orders is told why the account must stay:
/// orders are kept for the shop's records and refer to their customer.
/// </summary>
[Authorize]
internal sealed class DeletePersonalDataModel(
    UserManager<ApplicationUser> userManager,
    SignInManager<ApplicationUser> signInManager,
    AppDbContext db,
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
        if (await db.Orders.AnyAsync(o => o.CustomerId == user.Id, cancellationToken))
        {
            ModelState.AddModelError(string.Empty,
                "Your account has orders, which the shop must keep, so it cannot be deleted here. Please contact us to close it.");
            return Page();
        }

        var result = await userManager.DeleteAsync(user);
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
