using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace WebApp.Areas.Identity.Pages.Account;

/// <summary>
/// The answer to every registration. Unlike the stock page it looks nobody up, so it cannot tell whether the address
/// had an account.
/// </summary>
[AllowAnonymous]
internal sealed class RegisterConfirmationModel : PageModel
{
    public string? ReturnUrl { get; private set; }

    public void OnGet(string? returnUrl = null) => ReturnUrl = returnUrl;
}
