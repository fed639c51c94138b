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
internal sealed class LockedOutFilter : ListFilter<ApplicationUser>
{
    public override string Title => "locked out";

    public override string ParameterName => "locked";

    internal override Task<IReadOnlyList<FilterChoice>> GetChoicesAsync(AdminRequestContext context, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<FilterChoice>>([new("Locked out", ParameterName, "yes"), new("Not locked out", ParameterName, "no")]);

    internal override IQueryable<ApplicationUser>? Apply(IQueryable<ApplicationUser> query, IReadOnlyDictionary<string, string> values, AdminRequestContext context)
    {
        if (!values.TryGetValue(ParameterName, out var value)) return query;
        if (value is not ("yes" or "no")) return null;
        // SQLite cannot compare DateTimeOffset columns, so the few users with a lockout end are read and compared here.
        var now = DateTimeOffset.UtcNow;
        var locked = context.Db.Set<ApplicationUser>().AsNoTracking().Where(u => u.LockoutEnd != null)
            .Select(u => new { u.Id, u.LockoutEnd }).AsEnumerable()
            .Where(u => u.LockoutEnd > now).Select(u => u.Id).ToList();
        return value == "yes" ? query.Where(u => locked.Contains(u.Id)) : query.Where(u => !locked.Contains(u.Id));
    }
}
