using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;

namespace WebApp.Admin;

/// <summary>
/// The admin gate on every admin action: anonymous → login (so model names cannot be probed), signed in but not
/// active staff → the "not authorised" page with 403. Runs before antiforgery validation and model binding.
/// </summary>
internal sealed class StaffGateFilter(IAuthorizationService authorization) : IAsyncAuthorizationFilter
{
    public async Task OnAuthorizationAsync(AuthorizationFilterContext context)
    {
        var user = context.HttpContext.User;
        if (!AdminAccess.IsSignedIn(user))
        {
            context.Result = new ChallengeResult();
            return;
        }
        var result = await authorization.AuthorizeAsync(user, AdminPolicies.Staff);
        if (!result.Succeeded) context.Result = AdminResults.View(context.HttpContext, "NotAuthorized", StatusCodes.Status403Forbidden);
    }
}
