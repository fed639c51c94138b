using Microsoft.AspNetCore.Mvc.Rendering;

namespace WebApp.Areas.Identity.Pages.Account.Manage;

/// <summary>
/// The "Manage your account" menu: the stock Identity UI pages plus the site's own (API tokens). Each page sets
/// <c>ViewData["ActivePage"]</c> to one of these names; the stock pages use the same names.
/// </summary>
internal static class ManageNavPages
{
    public const string Index = "Index";
    public const string Email = "Email";
    public const string ChangePassword = "ChangePassword";
    public const string ExternalLogins = "ExternalLogins";
    public const string TwoFactorAuthentication = "TwoFactorAuthentication";
    public const string PersonalData = "PersonalData";
    public const string ApiTokens = "ApiTokens";

    /// <summary>"active" for the current page's link, for Bootstrap's nav pills.</summary>
    public static string? NavClass(ViewContext viewContext, string page) => IsActive(viewContext, page) ? "active" : null;

    /// <summary>aria-current="page" on the current page's link, for screen readers.</summary>
    public static string? AriaCurrent(ViewContext viewContext, string page) => IsActive(viewContext, page) ? "page" : null;

    private static bool IsActive(ViewContext viewContext, string page)
    {
        var activePage = viewContext.ViewData["ActivePage"] as string
            ?? Path.GetFileNameWithoutExtension(viewContext.ActionDescriptor.DisplayName);
        return string.Equals(activePage, page, StringComparison.OrdinalIgnoreCase);
    }
}
