using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using WebApp.Accounts;
using WebApp.Data;

namespace WebApp.Admin;

/// <summary>
/// Reads the current user's admin standing from the database once per request (scoped), so that revoking staff
/// status or a permission takes effect on the next click without logging out.
/// </summary>
internal sealed class AdminAccess(AppDbContext db, IOptions<IdentityOptions> identityOptions)
{
    private bool _loaded;
    private AdminUser? _user;

    /// <summary>The staff member behind <paramref name="principal"/>, or null when they may not use the admin.</summary>
    public async Task<AdminUser?> GetStaffUserAsync(ClaimsPrincipal principal, CancellationToken cancellationToken)
    {
        if (_loaded) return _user;
        _user = await LoadAsync(principal, cancellationToken);
        _loaded = true;
        return _user;
    }

    private async Task<AdminUser?> LoadAsync(ClaimsPrincipal principal, CancellationToken cancellationToken)
    {
        if (principal.Identity?.IsAuthenticated != true) return null;
        var claims = identityOptions.Value.ClaimsIdentity;
        var userId = principal.FindFirstValue(claims.UserIdClaimType);
        if (userId is null) return null;

        var user = await db.Users.AsNoTracking()
            .Where(u => u.Id == userId)
            .Select(u => new { u.Id, u.Email, u.UserName, u.IsActive, u.IsStaff, u.IsSuperuser, u.SecurityStamp })
            .SingleOrDefaultAsync(cancellationToken);
        if (user is null || !user.IsActive || !(user.IsStaff || user.IsSuperuser)) return null;

        // A changed security stamp (password reset, "log out everywhere") ends admin access at once.
        var cookieStamp = principal.FindFirstValue(claims.SecurityStampClaimType);
        if (cookieStamp is not null && cookieStamp != user.SecurityStamp) return null;

        var permissions = new HashSet<string>(StringComparer.Ordinal);
        if (!user.IsSuperuser)
        {
            var direct = db.UserClaims
                .Where(c => c.UserId == userId && c.ClaimType == AdminUser.PermissionClaimType)
                .Select(c => c.ClaimValue);
            var throughRoles = db.UserRoles
                .Where(ur => ur.UserId == userId)
                .Join(db.RoleClaims, ur => ur.RoleId, rc => rc.RoleId, (ur, rc) => rc)
                .Where(rc => rc.ClaimType == AdminUser.PermissionClaimType)
                .Select(rc => rc.ClaimValue);
            foreach (var permission in await direct.Concat(throughRoles).ToListAsync(cancellationToken))
            {
                if (permission is not null) permissions.Add(permission);
            }
        }
        return new AdminUser(user.Id, user.Email ?? user.UserName ?? user.Id, user.IsSuperuser, permissions);
    }

    /// <summary>Whether the principal is signed in at all (the cookie), whatever the database says.</summary>
    public static bool IsSignedIn(ClaimsPrincipal principal) => principal.Identity?.IsAuthenticated == true;
}
