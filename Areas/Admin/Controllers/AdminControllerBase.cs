using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using WebApp.Data;

namespace WebApp.Admin.Controllers;

/// <summary>Every admin controller: the staff gate, antiforgery on every unsafe request, the sidebar's models, the user.</summary>
[Area("Admin")]
[ServiceFilter(typeof(StaffGateFilter))]
[AutoValidateAntiforgeryToken]
[TypeFilter(typeof(AntiforgeryFailurePage))]
public abstract class AdminControllerBase : Controller
{
    internal const string NavigationKey = "AdminNavigation";
    internal const string UserKey = "AdminUser";

    private AdminUser? _user;

    internal ModelAdminRegistry Registry => HttpContext.RequestServices.GetRequiredService<ModelAdminRegistry>();

    internal AdminSecurityLog SecurityLog => HttpContext.RequestServices.GetRequiredService<AdminSecurityLog>();

    internal IAuthorizationService Authorization => HttpContext.RequestServices.GetRequiredService<IAuthorizationService>();

    internal AdminUser AdminUser => _user ?? throw new InvalidOperationException("The staff gate has not run.");

    public override async Task OnActionExecutionAsync(ActionExecutingContext context, ActionExecutionDelegate next)
    {
        var access = HttpContext.RequestServices.GetRequiredService<AdminAccess>();
        // The gate has already loaded the user for this request; this is the per-request cache.
        _user = await access.GetStaffUserAsync(User, HttpContext.RequestAborted)
            ?? throw new InvalidOperationException("The staff gate let a non-staff user through.");
        ViewData[UserKey] = _user;
        ViewData[NavigationKey] = Navigation();
        await next();
    }

    /// <summary>The apps and models this user may see: the sidebar and the index.</summary>
    internal IReadOnlyList<AppSection> Navigation() =>
        Registry.Registrations
            .Where(r => r.HasModulePermission(AdminUser))
            .GroupBy(r => r.AppLabel)
            .Select(app => new AppSection(app.Key, Metadata.DisplayNames.AppName(app.Key), AdminUrls.App(app.Key),
                app.Select(ModelLink).OrderBy(m => m.Name, StringComparer.Ordinal).ToList()))
            .ToList();

    private ModelLink ModelLink(ModelAdmin admin) => new(
        Metadata.DisplayNames.Capitalize(admin.DisplayNamePlural),
        admin.HasViewPermission(AdminUser) ? AdminUrls.ChangeList(admin) : null,
        admin.HasAddPermission(AdminUser) ? AdminUrls.Add(admin) : null,
        !admin.HasChangePermission(AdminUser));

    internal AdminRequestContext RequestContext() => new(
        HttpContext,
        HttpContext.RequestServices.GetRequiredService<AppDbContext>(),
        AdminUser,
        Registry,
        HttpContext.RequestServices.GetRequiredService<IAdminHistory>());

    /// <summary>Whether the signed-in staff member holds <paramref name="operation"/> on the model (through its permission hooks).</summary>
    internal async Task<bool> HasAsync(ModelAdmin admin, AdminOperation operation) =>
        (await Authorization.AuthorizeAsync(User, admin, [ModelPermissionRequirement.For(operation)])).Succeeded;

    internal void Message(string level, string text) => AdminMessages.Add(HttpContext, TempData, level, text);

    /// <summary>A missing permission: logged with the user and what they asked for, then a 403 page.</summary>
    internal IActionResult Forbidden()
    {
        SecurityLog.PermissionRefused(AdminUser, $"{Request.Method} {Request.Path}{Request.QueryString}", HttpContext.Connection.RemoteIpAddress);
        return AdminView("PermissionDenied", StatusCodes.Status403Forbidden);
    }

    /// <summary>A registration's rule refused: logged with the user, the target and the rule, then a 403 page with the reason.</summary>
    internal IActionResult Refused(string target, AdminRefusal refusal)
    {
        SecurityLog.Refused(AdminUser, target, refusal);
        return AdminView("PermissionDenied", StatusCodes.Status403Forbidden, refusal.Message);
    }

    internal IActionResult AdminNotFound() => AdminView("NotFound", StatusCodes.Status404NotFound);

    internal IActionResult AdminView(string name, int status, object? model = null)
    {
        var view = View($"~/Areas/Admin/Views/Shared/{name}.cshtml", model);
        view.StatusCode = status;
        return view;
    }
}
