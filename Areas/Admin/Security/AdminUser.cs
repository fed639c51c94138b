namespace WebApp.Admin;

/// <summary>The signed-in staff member as the admin sees them on this request: flags and permissions fresh from the database.</summary>
public sealed class AdminUser(string id, string name, bool isSuperuser, IReadOnlySet<string> permissions)
{
    public string Id { get; } = id;
    public string Name { get; } = name;
    public bool IsSuperuser { get; } = isSuperuser;
    public IReadOnlySet<string> Permissions { get; } = permissions;

    /// <summary>Superusers hold every permission without it being granted.</summary>
    public bool Has(string permission) => IsSuperuser || Permissions.Contains(permission);
}
