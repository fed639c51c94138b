using Microsoft.AspNetCore.Authorization;

namespace WebApp.Admin;

/// <summary>Policy names and requirements of the admin, evaluated by ASP.NET Core authorization.</summary>
public static class AdminPolicies
{
    /// <summary>An active user with staff or superuser status, as the database says now.</summary>
    public const string Staff = "AdminStaff";
}

/// <summary>Staff gate: an active user with IsStaff or IsSuperuser.</summary>
internal sealed class StaffRequirement : IAuthorizationRequirement;

/// <summary>A model permission (<c>catalog.change_product</c> through the registration's hooks); the resource is the <see cref="ModelAdmin"/>.</summary>
internal sealed class ModelPermissionRequirement(AdminOperation operation) : IAuthorizationRequirement
{
    public AdminOperation Operation { get; } = operation;

    public static ModelPermissionRequirement View { get; } = new(AdminOperation.View);
    public static ModelPermissionRequirement Add { get; } = new(AdminOperation.Add);
    public static ModelPermissionRequirement Change { get; } = new(AdminOperation.Change);
    public static ModelPermissionRequirement Delete { get; } = new(AdminOperation.Delete);

    public static ModelPermissionRequirement For(AdminOperation operation) => operation switch
    {
        AdminOperation.View => View,
        AdminOperation.Add => Add,
        AdminOperation.Change => Change,
        _ => Delete,
    };
}

/// <summary>A named permission string such as <c>catalog.change_review</c>.</summary>
internal sealed class NamedPermissionRequirement(string permission) : IAuthorizationRequirement
{
    public string Permission { get; } = permission;
}

internal sealed class StaffHandler(AdminAccess access, IHttpContextAccessor http) : AuthorizationHandler<StaffRequirement>
{
    protected override async Task HandleRequirementAsync(AuthorizationHandlerContext context, StaffRequirement requirement)
    {
        if (await access.GetStaffUserAsync(context.User, http.HttpContext?.RequestAborted ?? default) is not null)
            context.Succeed(requirement);
    }
}

internal sealed class ModelPermissionHandler(AdminAccess access, IHttpContextAccessor http)
    : AuthorizationHandler<ModelPermissionRequirement, ModelAdmin>
{
    protected override async Task HandleRequirementAsync(
        AuthorizationHandlerContext context, ModelPermissionRequirement requirement, ModelAdmin resource)
    {
        var user = await access.GetStaffUserAsync(context.User, http.HttpContext?.RequestAborted ?? default);
        if (user is not null && resource.HasPermission(user, requirement.Operation)) context.Succeed(requirement);
    }
}

internal sealed class NamedPermissionHandler(AdminAccess access, IHttpContextAccessor http)
    : AuthorizationHandler<NamedPermissionRequirement>
{
    protected override async Task HandleRequirementAsync(AuthorizationHandlerContext context, NamedPermissionRequirement requirement)
    {
        var user = await access.GetStaffUserAsync(context.User, http.HttpContext?.RequestAborted ?? default);
        if (user is not null && user.Has(requirement.Permission)) context.Succeed(requirement);
    }
}
