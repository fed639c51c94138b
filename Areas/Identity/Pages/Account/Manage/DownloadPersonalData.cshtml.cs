using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using WebApp.Accounts;

namespace WebApp.Areas.Identity.Pages.Account.Manage;

/// <summary>The stock "Download" of personal data, through <see cref="PersonalDataExport"/>: orders, reviews and API tokens too.</summary>
[Authorize]
internal sealed class DownloadPersonalDataModel(
    UserManager<ApplicationUser> users, PersonalDataExport export, ILogger<DownloadPersonalDataModel> logger) : PageModel
{
    public IActionResult OnGet() => NotFound();

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (await users.GetUserAsync(User) is not { } user)
            return NotFound();
        logger.LogInformation("User {UserId} downloaded their personal data.", user.Id);
        Response.Headers.ContentDisposition = "attachment; filename=PersonalData.json";
        return File(await export.ToJsonAsync(user, cancellationToken), "application/json");
    }
}
