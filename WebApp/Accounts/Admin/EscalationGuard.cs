using WebApp.Accounts.Permissions;
using WebApp.Admin;

namespace WebApp.Accounts.Admin;

/// <summary>
/// The admin's no-escalation, no-takeover rules for users and roles (Django leaves these open). Superusers pass every
/// rule but the fourth; everyone else may only hand out, and only manage accounts and roles within, what they hold.
/// </summary>
internal sealed class EscalationGuard(UserPermissions permissions)
{
    public const string SuperusersOnly = "accounts.rule1-superusers-only";
    public const string GrantOnlyWhatYouHold = "accounts.rule2-grant-only-held";
    public const string ManageOnlyWeakerAccounts = "accounts.rule3-subset";
    public const string NotYourself = "accounts.rule4-not-yourself";
    public const string RolesWithinYourPermissions = "accounts.rule5-role-subset";

    public const string ChangeUser = "accounts.change_user";

    /// <summary>Whether the editor holds the permission, directly or as the change permission that implies a view.</summary>
    public static bool Holds(AdminUser editor, string permission) =>
        editor.Has(permission) || PermissionNames.ChangeImpliedByView(permission) is { } change && editor.Has(change);

    public static IReadOnlyList<string> NotHeld(AdminUser editor, IEnumerable<string> permissions) =>
        permissions.Where(p => !Holds(editor, p)).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();

    /// <summary>Rules 1 and 3: may the editor change, set the password of, lock or unlock, or sign out this account?</summary>
    public async Task<AdminRefusal?> ManageUserRefusalAsync(AdminUser editor, ApplicationUser target, CancellationToken cancellationToken)
    {
        if (editor.IsSuperuser) return null;
        if (target.IsSuperuser) return new(SuperusersOnly, $"Only a superuser may change the superuser account {target}.");
        var standing = await permissions.ForUserAsync(target.Id, cancellationToken);
        var missing = NotHeld(editor, standing?.Permissions ?? new HashSet<string>());
        return missing.Count == 0 ? null : new(ManageOnlyWeakerAccounts,
            $"You cannot manage {target}: they hold permissions you do not ({string.Join(", ", missing)}).");
    }

    /// <summary>Rules 1, 3 and 4 for a delete.</summary>
    public async Task<AdminRefusal?> DeleteUserRefusalAsync(AdminUser editor, ApplicationUser target, CancellationToken cancellationToken)
    {
        if (target.Id == editor.Id) return new(NotYourself, "You cannot delete your own account from the admin; ask another administrator.");
        return await ManageUserRefusalAsync(editor, target, cancellationToken);
    }

    /// <summary>Rule 2 for roles: each role granted may carry only permissions the editor holds.</summary>
    public async Task<AdminRefusal?> GrantRolesRefusalAsync(AdminUser editor, IReadOnlyCollection<string> roleIds, IReadOnlyDictionary<string, string> roleNames, CancellationToken cancellationToken)
    {
        if (editor.IsSuperuser || roleIds.Count == 0) return null;
        var carried = await permissions.ForRolesAsync(roleIds, cancellationToken);
        foreach (var roleId in roleIds.Order(StringComparer.Ordinal))
        {
            var missing = NotHeld(editor, carried.GetValueOrDefault(roleId) ?? []);
            if (missing.Count > 0)
            {
                return new(GrantOnlyWhatYouHold,
                    $"You cannot grant the role {roleNames.GetValueOrDefault(roleId, roleId)}: it carries permissions you do not hold ({string.Join(", ", missing)}).");
            }
        }
        return null;
    }

    /// <summary>Rules 2 and 5 for permissions: only those the editor holds may be granted.</summary>
    public static AdminRefusal? GrantPermissionsRefusal(AdminUser editor, IEnumerable<string> granted, string rule)
    {
        var missing = NotHeld(editor, granted);
        return missing.Count == 0 ? null : new(rule, $"You cannot grant permissions you do not hold ({string.Join(", ", missing)}).");
    }

    /// <summary>Rule 5: may the editor change or delete this role (its permissions within their own)?</summary>
    public async Task<AdminRefusal?> ManageRoleRefusalAsync(AdminUser editor, string roleId, string roleName, CancellationToken cancellationToken)
    {
        if (editor.IsSuperuser) return null;
        var carried = await permissions.ForRolesAsync([roleId], cancellationToken);
        var missing = NotHeld(editor, carried.GetValueOrDefault(roleId) ?? []);
        return missing.Count == 0 ? null : new(RolesWithinYourPermissions,
            $"You cannot manage the role {roleName}: it carries permissions you do not hold ({string.Join(", ", missing)}).");
    }
}
