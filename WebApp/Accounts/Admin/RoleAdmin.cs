using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using WebApp.Admin;

namespace WebApp.Accounts.Admin;

/// <summary>
/// Roles (Django's groups) at /admin/accounts/role/: a name and the permissions it carries, with its users listed on its
/// page. A non-superuser manages only roles within their own permissions and grants only what they hold (rule 5).
/// </summary>
internal sealed class RoleAdmin : ModelAdmin<IdentityRole>
{
    public RoleAdmin() : base("accounts")
    {
        ModelName = "role";
        VerboseName = "role";
        ListDisplay = [Column(r => r.Name)];
        SearchFields = ["Name"];
        Ordering = ["Name"];
        SecretFields = [nameof(IdentityRole.ConcurrencyStamp)];
        Fieldsets = [new(null, [r => r.Name]) { Extra = [new RolePermissionsField()] }];
    }

    public override Task<AdminRefusal?> ChangeRefusalAsync(AdminObjectContext<IdentityRole> context, CancellationToken cancellationToken) =>
        Guard(context).ManageRoleRefusalAsync(context.User, context.Object.Id, context.Object.Name ?? "", cancellationToken);

    public override Task<AdminRefusal?> DeleteRefusalAsync(AdminObjectContext<IdentityRole> context, CancellationToken cancellationToken) =>
        ChangeRefusalAsync(context, cancellationToken);

    public override async Task CleanAsync(AdminObjectContext<IdentityRole> context, CancellationToken cancellationToken)
    {
        var role = context.Object;
        role.Name = role.Name?.Trim();
        if (string.IsNullOrEmpty(role.Name))
        {
            context.AddError(nameof(IdentityRole.Name), "This field is required.");
            return;
        }
        var roles = context.Services.GetRequiredService<RoleManager<IdentityRole>>();
        foreach (var validator in roles.RoleValidators)
        {
            foreach (var error in (await validator.ValidateAsync(roles, role)).Errors)
                context.AddError(nameof(IdentityRole.Name), error.Description);
        }
        var granted = context.Chosen(RolePermissionsField.Name).Except(context.Initial(RolePermissionsField.Name));
        if (EscalationGuard.GrantPermissionsRefusal(context.User, granted, EscalationGuard.RolesWithinYourPermissions) is { } refusal)
            context.Refuse(refusal, RolePermissionsField.Name);
    }

    public override Task SaveModelAsync(AdminSaveContext<IdentityRole> context, CancellationToken cancellationToken)
    {
        var roles = context.Services.GetRequiredService<RoleManager<IdentityRole>>();
        context.Object.NormalizedName = roles.NormalizeKey(context.Object.Name);
        context.Object.ConcurrencyStamp = Guid.NewGuid().ToString();
        return Task.CompletedTask;
    }

    /// <summary>The users in the role, each linking to their change page.</summary>
    public override async Task<IReadOnlyList<ChangeFormPanel>> ChangeFormPanelsAsync(AdminObjectContext<IdentityRole> context, CancellationToken cancellationToken)
    {
        var roleId = context.Object.Id;
        var members = await context.Db.Set<ApplicationUser>().AsNoTracking()
            .Where(u => context.Db.Set<IdentityUserRole<string>>().Any(ur => ur.UserId == u.Id && ur.RoleId == roleId))
            .OrderBy(u => u.Email).Select(u => new { u.Id, u.Email }).ToListAsync(cancellationToken);
        IReadOnlyList<ChangeFormPanel.Line> lines = members.Count == 0
            ? [new("No users have this role.")]
            : members.Select(m => new ChangeFormPanel.Line("", m.Email ?? m.Id, $"{UserAdminUrls.Root}{Uri.EscapeDataString(m.Id)}/change/")).ToList();
        return [new ChangeFormPanel($"Users in this role ({members.Count})", lines, [])];
    }

    private static EscalationGuard Guard(AdminObjectContext<IdentityRole> context) => context.Services.GetRequiredService<EscalationGuard>();
}
