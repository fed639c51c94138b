using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using WebApp.Admin;

namespace WebApp.Accounts.Admin;

/// <summary>Users by role: one choice per role, read from the database.</summary>
internal sealed class RoleListFilter : ListFilter<ApplicationUser>
{
    public override string Title => "role";

    public override string ParameterName => "role";

    internal override async Task<IReadOnlyList<FilterChoice>> GetChoicesAsync(AdminRequestContext context, CancellationToken cancellationToken) =>
        await context.Db.Set<IdentityRole>().AsNoTracking().OrderBy(r => r.Name)
            .Select(r => new FilterChoice(r.Name ?? r.Id, ParameterName, r.Id)).ToListAsync(cancellationToken);

    internal override IQueryable<ApplicationUser>? Apply(IQueryable<ApplicationUser> query, IReadOnlyDictionary<string, string> values, AdminRequestContext context)
    {
        if (!values.TryGetValue(ParameterName, out var roleId)) return query;
        // An unknown role matches nobody rather than being an error: roles come and go.
        var links = context.Db.Set<IdentityUserRole<string>>();
        return query.Where(u => links.Any(ur => ur.UserId == u.Id && ur.RoleId == roleId));
    }
}

/// <summary>Users locked out now (too many failed sign-ins) or not.</summary>
internal sealed class LockedOutFilter : SimpleListFilter<ApplicationUser>
{
    public override string Title => "locked out";

    public override string ParameterName => "locked";

    public override IReadOnlyList<(string Value, string Label)> Lookups() => [("yes", "Locked out"), ("no", "Not locked out")];

    public override IQueryable<ApplicationUser> Filter(IQueryable<ApplicationUser> query, string value)
    {
        var now = DateTimeOffset.UtcNow;
        return value == "yes"
            ? query.Where(u => u.LockoutEnd != null && u.LockoutEnd > now)
            : query.Where(u => u.LockoutEnd == null || u.LockoutEnd <= now);
    }
}
