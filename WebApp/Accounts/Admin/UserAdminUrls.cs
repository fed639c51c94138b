namespace WebApp.Accounts.Admin;

/// <summary>The user admin's own pages beside the generic ones (Django's UserAdmin.get_urls).</summary>
internal static class UserAdminUrls
{
    public const string Root = "/admin/accounts/user/";

    public static string Password(string id) => $"{Root}{Uri.EscapeDataString(id)}/password/";

    public static string Unlock(string id) => $"{Root}{Uri.EscapeDataString(id)}/unlock/";

    public static string SignOutEverywhere(string id) => $"{Root}{Uri.EscapeDataString(id)}/sign-out-everywhere/";
}
