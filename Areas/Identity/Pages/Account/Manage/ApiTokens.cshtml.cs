using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using WebApp.Accounts;
using WebApp.Api.Tokens;

namespace WebApp.Areas.Identity.Pages.Account.Manage;

/// <summary>
/// Personal API tokens: make one (its secret is shown on the answer to that POST and nowhere else: not stored, not
/// redirected through TempData), list them by name and prefix, revoke them.
/// </summary>
[Authorize]
internal sealed class ApiTokensModel(ApiTokenService tokens, UserManager<ApplicationUser> users, TimeProvider clock) : PageModel
{
    /// <summary>Lifetimes offered for a new token; 0 means it never expires.</summary>
    public static readonly IReadOnlyList<(int Days, string Label)> Lifetimes =
        [(30, "30 days"), (7, "7 days"), (90, "90 days"), (365, "1 year"), (0, "No expiry")];

    [BindProperty]
    public CreateInput Input { get; set; } = new();

    [TempData]
    public string? StatusMessage { get; set; }

    public IReadOnlyList<ApiTokenListItem> Tokens { get; private set; } = [];

    /// <summary>The token just made, shown once.</summary>
    public CreatedApiToken? NewToken { get; private set; }

    public DateTime Now { get; private set; }

    public sealed class CreateInput
    {
        [Required(ErrorMessage = "Give the token a name, such as the script or machine that will use it.")]
        [StringLength(ApiToken.NameMaxLength, ErrorMessage = "The name can be at most {1} characters long.")]
        [Display(Name = "Name")]
        public string? Name { get; set; }

        [Display(Name = "Expires after")]
        public int ExpiresInDays { get; set; } = 30;
    }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (users.GetUserId(User) is not { } userId) return NotFound();
        await LoadAsync(userId, cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostCreateAsync(CancellationToken cancellationToken)
    {
        if (users.GetUserId(User) is not { } userId) return NotFound();
        if (!Lifetimes.Any(l => l.Days == Input.ExpiresInDays))
            ModelState.AddModelError($"{nameof(Input)}.{nameof(Input.ExpiresInDays)}", "Choose one of the lifetimes offered.");
        if (ModelState.IsValid && await tokens.CountActiveAsync(userId, cancellationToken) >= ApiTokenService.MaxActiveTokensPerUser)
            ModelState.AddModelError(string.Empty, $"You already have {ApiTokenService.MaxActiveTokensPerUser} active tokens. Revoke one you no longer use first.");
        if (ModelState.IsValid)
        {
            var expiresAt = Input.ExpiresInDays == 0 ? (DateTime?)null : clock.GetUtcNow().UtcDateTime.AddDays(Input.ExpiresInDays);
            NewToken = await tokens.CreateAsync(userId, Input.Name!, expiresAt, cancellationToken);
            ModelState.Clear();
            Input = new CreateInput();
            // The secret is in this response only: no cache may keep it.
            Response.Headers.CacheControl = "no-store";
        }
        await LoadAsync(userId, cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostRevokeAsync(int id, CancellationToken cancellationToken)
    {
        if (users.GetUserId(User) is not { } userId) return NotFound();
        StatusMessage = await tokens.RevokeAsync(userId, id, cancellationToken)
            ? "The token was revoked: it no longer works."
            : "Error: that token does not exist or was already revoked.";
        return RedirectToPage();
    }

    private async Task LoadAsync(string userId, CancellationToken cancellationToken)
    {
        Now = clock.GetUtcNow().UtcDateTime;
        Tokens = await tokens.ListAsync(userId, cancellationToken);
    }
}
