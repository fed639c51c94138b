using System.Security.Claims;
using WebApp.Accounts.Permissions;

namespace WebApp.Admin;

/// <summary>
/// The admin's gate on top of the app's one permission loader (<see cref="UserPermissions"/>, read from the database once
/// per request): revoking staff status or a permission takes effect on the next click without logging out.
/// </summary>
internal sealed class AdminAccess(UserPermissions permissions)
{
    /// <summary>The staff member behind <paramref name="principal"/>, or null when they may not use the admin.</summary>
    public async Task<AdminUser?> GetStaffUserAsync(ClaimsPrincipal principal, CancellationToken cancellationToken)
    {
        var user = await permissions.GetAsync(principal, cancellationToken);
        if (user is null || !user.IsActive || !(user.IsStaff || user.IsSuperuser)) return null;
        return new AdminUser(user.UserId, user.Name, user.IsSuperuser, user.Permissions);
    }

    /// <summary>Whether the principal is signed in at all (the cookie), whatever the database says.</summary>
    public static bool IsSignedIn(ClaimsPrincipal principal) => principal.Identity?.IsAuthenticated == true;
}
