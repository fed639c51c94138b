using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using WebApp.Data;

namespace WebApp.Accounts.Permissions;

/// <summary>
/// What a signed-in user may do, read from the database once per request (scoped): their active and superuser flags and
/// their <c>permission</c> claims, granted directly (AspNetUserClaims) or through roles (AspNetRoleClaims). Revoking a
/// permission or deactivating a user therefore takes effect on their next request, whatever their cookie or token says.
/// </summary>
public sealed class UserPermissions(AppDbContext db, IOptions<IdentityOptions> identityOptions)
{
    private readonly Dictionary<string, UserStanding?> _loaded = new(StringComparer.Ordinal);

    /// <summary>The user behind <paramref name="principal"/> as the database says now; null when anonymous or unknown.</summary>
    public async Task<UserStanding?> GetAsync(ClaimsPrincipal principal, CancellationToken cancellationToken)
    {
        if (principal.Identity?.IsAuthenticated != true) return null;
        var claims = identityOptions.Value.ClaimsIdentity;
        var userId = principal.FindFirstValue(claims.UserIdClaimType);
        if (userId is null) return null;

        var standing = await ForUserAsync(userId, cancellationToken);
        // A changed security stamp (password reset, "log out everywhere") ends what an older cookie may do at once.
        var cookieStamp = principal.FindFirstValue(claims.SecurityStampClaimType);
        return cookieStamp is not null && standing is not null && cookieStamp != standing.SecurityStamp ? null : standing;
    }

    /// <summary>Whether the principal is an active user holding <paramref name="permission"/> (superusers hold every one).</summary>
    public async Task<bool> HasAsync(ClaimsPrincipal principal, string permission, CancellationToken cancellationToken) =>
        await GetAsync(principal, cancellationToken) is { IsActive: true } standing && standing.Has(permission);

    /// <summary>Any user's flags and permissions as the database says now (the admin compares them with the editor's own).</summary>
    public async Task<UserStanding?> ForUserAsync(string userId, CancellationToken cancellationToken)
    {
        if (!_loaded.TryGetValue(userId, out var standing))
        {
            standing = await LoadAsync(userId, cancellationToken);
            _loaded[userId] = standing;
        }
        return standing;
    }

    /// <summary>The permissions each of these roles carries, by role id (roles without any are absent).</summary>
    public async Task<Dictionary<string, HashSet<string>>> ForRolesAsync(IReadOnlyCollection<string> roleIds, CancellationToken cancellationToken)
    {
        var claims = await db.RoleClaims.AsNoTracking()
            .Where(c => roleIds.Contains(c.RoleId) && c.ClaimType == PermissionNames.ClaimType && c.ClaimValue != null)
            .Select(c => new { c.RoleId, c.ClaimValue })
            .ToListAsync(cancellationToken);
        return claims.GroupBy(c => c.RoleId).ToDictionary(g => g.Key, g => g.Select(c => c.ClaimValue!).ToHashSet(StringComparer.Ordinal), StringComparer.Ordinal);
    }

    private async Task<UserStanding?> LoadAsync(string userId, CancellationToken cancellationToken)
    {
        if (await FindUser(db, userId, cancellationToken) is not { } user) return null;

        var permissions = new HashSet<string>(StringComparer.Ordinal);
        // An inactive user's permissions are loaded too (Has refuses them anyway): the admin compares them before reactivating.
        if (!user.IsSuperuser)
        {
            await foreach (var permission in PermissionsOf(db, userId).WithCancellation(cancellationToken))
            {
                if (permission is not null) permissions.Add(permission);
            }
        }
        return new UserStanding(user.Id, user.Email ?? user.UserName ?? user.Id, user.IsActive, user.IsStaff, user.IsSuperuser,
            user.SecurityStamp, permissions);
    }

    // Compiled once: every signed-in request asks them, and a compiled query skips EF's per-call translation lookup.
    private static readonly Func<AppDbContext, string, CancellationToken, Task<UserRow?>> FindUser = EF.CompileAsyncQuery(
        (AppDbContext db, string userId, CancellationToken _) => db.Users.AsNoTracking()
            .Where(u => u.Id == userId)
            .Select(u => new UserRow(u.Id, u.Email, u.UserName, u.IsActive, u.IsStaff, u.IsSuperuser, u.SecurityStamp))
            .SingleOrDefault());

    /// <summary>The user's permission claims, granted directly or through their roles.</summary>
    private static readonly Func<AppDbContext, string, IAsyncEnumerable<string?>> PermissionsOf = EF.CompileAsyncQuery(
        (AppDbContext db, string userId) => db.UserClaims
            .Where(c => c.UserId == userId && c.ClaimType == PermissionNames.ClaimType)
            .Select(c => c.ClaimValue)
            .Concat(db.UserRoles
                .Where(ur => ur.UserId == userId)
                .Join(db.RoleClaims, ur => ur.RoleId, rc => rc.RoleId, (ur, rc) => rc)
                .Where(rc => rc.ClaimType == PermissionNames.ClaimType)
                .Select(rc => rc.ClaimValue)));

    private sealed record UserRow(string Id, string? Email, string? UserName, bool IsActive, bool IsStaff, bool IsSuperuser, string? SecurityStamp);
}

/// <summary>A user's flags and permissions on this request.</summary>
public sealed record UserStanding(
    string UserId, string Name, bool IsActive, bool IsStaff, bool IsSuperuser, string? SecurityStamp, IReadOnlySet<string> Permissions)
{
    /// <summary>Superusers hold every permission; "view" is satisfied by view or change (Django's rule).</summary>
    public bool Has(string permission)
    {
        if (!IsActive) return false;
        if (IsSuperuser || Permissions.Contains(permission)) return true;
        return PermissionNames.ChangeImpliedByView(permission) is { } change && Permissions.Contains(change);
    }
}
