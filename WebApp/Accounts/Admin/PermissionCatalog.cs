using WebApp.Admin;

namespace WebApp.Accounts.Admin;

/// <summary>
/// Every permission the system knows, as picker options labelled like Django's (<c>catalog | product | Can view product</c>):
/// view/add/change/delete of every registered model, plus those the app's own roles use.
/// </summary>
internal static class PermissionCatalog
{
    public static IReadOnlyList<SelectOption> Options(ModelAdminRegistry registry)
    {
        var options = new List<SelectOption>();
        foreach (var admin in registry.Registrations)
        {
            foreach (var operation in Enum.GetValues<AdminOperation>())
            {
                options.Add(new SelectOption(admin.PermissionName(operation),
                    $"{admin.AppLabel} | {admin.DisplayName} | Can {operation.ToString().ToLowerInvariant()} {admin.DisplayName}", false));
            }
        }
        var known = options.Select(o => o.Value).ToHashSet(StringComparer.Ordinal);
        foreach (var permission in StaffRoles.All.SelectMany(r => r.Permissions).Where(known.Add))
            options.Add(new SelectOption(permission, permission, false));
        return options;
    }

    public static IReadOnlyList<SelectOption> Options(IServiceProvider services) => Options(services.GetRequiredService<ModelAdminRegistry>());

    /// <summary>"catalog | product | Can view product" for a permission name, or the name itself when the catalog lacks it.</summary>
    public static string Label(IReadOnlyList<SelectOption> options, string permission) =>
        options.FirstOrDefault(o => o.Value == permission)?.Label ?? permission;
}
