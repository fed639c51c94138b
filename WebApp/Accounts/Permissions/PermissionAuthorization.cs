using Microsoft.AspNetCore.Authorization;
using Microsoft.Extensions.Options;

namespace WebApp.Accounts.Permissions;

/// <summary>Needs the signed-in user to hold one permission, as <see cref="UserPermissions"/> reads it now.</summary>
public sealed class PermissionRequirement(string permission) : IAuthorizationRequirement
{
    public string Permission { get; } = permission;

    public override string ToString() => $"Permission {Permission}";
}

internal sealed class PermissionHandler(UserPermissions permissions, IHttpContextAccessor http) : AuthorizationHandler<PermissionRequirement>
{
    protected override async Task HandleRequirementAsync(AuthorizationHandlerContext context, PermissionRequirement requirement)
    {
        if (await permissions.HasAsync(context.User, requirement.Permission, http.HttpContext?.RequestAborted ?? default))
            context.Succeed(requirement);
    }
}

/// <summary>
/// Every permission name is a policy: <c>[Authorize(Policy = "catalog.add_product")]</c> needs a signed-in user holding
/// it. Policies registered by name still win, so nothing else changes meaning.
/// </summary>
internal sealed class PermissionPolicyProvider(IOptions<AuthorizationOptions> options) : DefaultAuthorizationPolicyProvider(options)
{
    // A permission's policy depends on its name only.
    public override bool AllowsCachingPolicies => true;

    public override async Task<AuthorizationPolicy?> GetPolicyAsync(string policyName)
    {
        if (await base.GetPolicyAsync(policyName) is { } registered) return registered;
        if (!PermissionNames.IsPermissionName(policyName)) return null;
        return new AuthorizationPolicyBuilder()
            .RequireAuthenticatedUser()
            .AddRequirements(new PermissionRequirement(policyName))
            .Build();
    }
}

public static class PermissionsSetup
{
    /// <summary><see cref="UserPermissions"/> and permission policies for ASP.NET Core authorization.</summary>
    public static IServiceCollection AddUserPermissions(this IServiceCollection services)
    {
        services.AddHttpContextAccessor();
        services.AddScoped<UserPermissions>();
        services.AddScoped<IAuthorizationHandler, PermissionHandler>();
        services.AddSingleton<IAuthorizationPolicyProvider, PermissionPolicyProvider>();
        return services;
    }
}
