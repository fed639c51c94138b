using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using WebApp.Admin;

namespace WebApp.Accounts.Admin;

/// <summary>A user's roles (Django's groups), stored as AspNetUserRoles rows; values are role ids, labels role names.</summary>
internal sealed class UserRolesField() : ChoicesField<ApplicationUser>(Name, "Roles")
{
    public new const string Name = "Roles";

    public override async Task<IReadOnlyList<SelectOption>> OptionsAsync(AdminObjectContext<ApplicationUser> context, CancellationToken cancellationToken) =>
        await context.Db.Set<IdentityRole>().AsNoTracking().OrderBy(r => r.Name).ThenBy(r => r.Id)
            .Select(r => new SelectOption(r.Id, r.Name ?? r.Id, false)).ToListAsync(cancellationToken);

    public override async Task<IReadOnlySet<string>> SelectedAsync(AdminObjectContext<ApplicationUser> context, CancellationToken cancellationToken) =>
        (await context.Db.Set<IdentityUserRole<string>>().AsNoTracking().Where(ur => ur.UserId == context.Object.Id)
            .Select(ur => ur.RoleId).ToListAsync(cancellationToken)).ToHashSet(StringComparer.Ordinal);

    public override async Task SaveAsync(AdminObjectContext<ApplicationUser> context, IReadOnlySet<string> added, IReadOnlySet<string> removed, CancellationToken cancellationToken)
    {
        var links = context.Db.Set<IdentityUserRole<string>>();
        links.RemoveRange(await links.Where(ur => ur.UserId == context.Object.Id && removed.Contains(ur.RoleId)).ToListAsync(cancellationToken));
        links.AddRange(added.Select(roleId => new IdentityUserRole<string> { UserId = context.Object.Id, RoleId = roleId }));
    }
}
