using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using WebApp.Accounts.Permissions;
using WebApp.Admin;

namespace WebApp.Accounts.Admin;

/// <summary>Permissions granted to a user directly: <c>permission</c> claims in AspNetUserClaims.</summary>
internal sealed class UserPermissionsField() : ChoicesField<ApplicationUser>(Name, "User permissions")
{
    public new const string Name = "Permissions";

    public override Task<IReadOnlyList<SelectOption>> OptionsAsync(AdminObjectContext<ApplicationUser> context, CancellationToken cancellationToken) =>
        Task.FromResult(PermissionCatalog.Options(context.Services));

    public override async Task<IReadOnlySet<string>> SelectedAsync(AdminObjectContext<ApplicationUser> context, CancellationToken cancellationToken) =>
        (await context.Db.Set<IdentityUserClaim<string>>().AsNoTracking()
            .Where(c => c.UserId == context.Object.Id && c.ClaimType == PermissionNames.ClaimType && c.ClaimValue != null)
            .Select(c => c.ClaimValue!).ToListAsync(cancellationToken)).ToHashSet(StringComparer.Ordinal);

    public override async Task SaveAsync(AdminObjectContext<ApplicationUser> context, IReadOnlySet<string> added, IReadOnlySet<string> removed, CancellationToken cancellationToken)
    {
        var claims = context.Db.Set<IdentityUserClaim<string>>();
        claims.RemoveRange(await claims.Where(c => c.UserId == context.Object.Id && c.ClaimType == PermissionNames.ClaimType && removed.Contains(c.ClaimValue!))
            .ToListAsync(cancellationToken));
        claims.AddRange(added.Select(p => new IdentityUserClaim<string> { UserId = context.Object.Id, ClaimType = PermissionNames.ClaimType, ClaimValue = p }));
    }
}
