namespace WebApp.Accounts;

/// <summary>Model permissions ("catalog.change_product") are claims of this type on roles and users.</summary>
public static class PermissionClaims
{
    public const string Type = "permission";
}
