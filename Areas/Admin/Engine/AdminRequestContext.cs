using Microsoft.EntityFrameworkCore;

namespace WebApp.Admin;

/// <summary>What the engine needs for one request: the database, the staff member, the registrations and the history.</summary>
internal sealed class AdminRequestContext(HttpContext http, DbContext db, AdminUser user, ModelAdminRegistry registry, IAdminHistory history)
{
    public HttpContext Http { get; } = http;
    public DbContext Db { get; } = db;
    public AdminUser User { get; } = user;
    public ModelAdminRegistry Registry { get; } = registry;
    public IAdminHistory History { get; } = history;
}
