using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using WebApp.Accounts.Permissions;
using WebApp.Admin;

namespace WebApp.Accounts.Admin;

/// <summary>The permissions a role carries: <c>permission</c> claims in AspNetRoleClaims.</summary>
internal sealed class RolePermissionsField() : ChoicesField<IdentityRole>(Name, "Permissions")
{
    public new const string Name = "Permissions";

    public override Task<IReadOnlyList<SelectOption>> OptionsAsync(AdminObjectContext<IdentityRole> context, CancellationToken cancellationToken) =>
        Task.FromResult(PermissionCatalog.Options(context.Services));

    public override async Task<IReadOnlySet<string>> SelectedAsync(AdminObjectContext<IdentityRole> context, CancellationToken cancellationToken) =>
        (await context.Db.Set<IdentityRoleClaim<string>>().AsNoTracking()
            .Where(c => c.RoleId == context.Object.Id && c.ClaimType == PermissionNames.ClaimType && c.ClaimValue != null)
            .Select(c => c.ClaimValue!).ToListAsync(cancellationToken)).ToHashSet(StringComparer.Ordinal);

    public override async Task SaveAsync(AdminObjectContext<IdentityRole> context, IReadOnlySet<string> added, IReadOnlySet<string> removed, CancellationToken cancellationToken)
    {
        var claims = context.Db.Set<IdentityRoleClaim<string>>();
        claims.RemoveRange(await claims.Where(c => c.RoleId == context.Object.Id && c.ClaimType == PermissionNames.ClaimType && removed.Contains(c.ClaimValue!))
            .ToListAsync(cancellationToken));
        claims.AddRange(added.Select(p => new IdentityRoleClaim<string> { RoleId = context.Object.Id, ClaimType = PermissionNames.ClaimType, ClaimValue = p }));
    }
}
