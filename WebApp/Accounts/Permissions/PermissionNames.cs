using System.Text.RegularExpressions;

namespace WebApp.Accounts.Permissions;

/// <summary>Django-style permission names: <c>{app}.{action}_{model}</c>, such as <c>catalog.add_product</c>.</summary>
public static partial class PermissionNames
{
    /// <summary>The claim type permissions are stored under, on users (AspNetUserClaims) and on roles (AspNetRoleClaims).</summary>
    public const string ClaimType = "permission";

    private const string ViewAction = "view_";
    private const string ChangeAction = "change_";

    public static bool IsPermissionName(string name) => Shape().IsMatch(name);

    /// <summary>For <c>catalog.view_product</c>, <c>catalog.change_product</c> (which lets its holder view too); otherwise null.</summary>
    public static string? ChangeImpliedByView(string permission)
    {
        var dot = permission.IndexOf('.', StringComparison.Ordinal);
        if (dot < 0 || !permission.AsSpan(dot + 1).StartsWith(ViewAction, StringComparison.Ordinal)) return null;
        return string.Concat(permission.AsSpan(0, dot + 1), ChangeAction, permission.AsSpan(dot + 1 + ViewAction.Length));
    }

    [GeneratedRegex("^[a-z][a-z0-9_]*\\.[a-z]+_[a-z0-9_]+$", RegexOptions.CultureInvariant)]
    private static partial Regex Shape();
}
