using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace WebApp.Admin;

/// <summary>Runs an action on the selected rows; returns null to go back to the changelist, or a result such as a file.</summary>
public delegate Task<IActionResult?> AdminActionHandler<T>(AdminActionContext<T> context, IQueryable<T> selected, CancellationToken cancellationToken)
    where T : class;

/// <summary>A changelist action; offered only to users holding <see cref="Permission"/> on the model.</summary>
public sealed record AdminAction<T>(string Name, string Description, AdminOperation Permission, AdminActionHandler<T> Handler)
    where T : class;

/// <summary>What an action can use: the database, the user, history-logged saves and a message for the user.</summary>
public sealed class AdminActionContext<T> where T : class
{
    private readonly ModelAdmin<T> _admin;
    private readonly IAdminHistory _history;

    internal AdminActionContext(ModelAdmin<T> admin, DbContext db, AdminUser user, IAdminHistory history, IServiceProvider services)
    {
        _admin = admin;
        Db = db;
        User = user;
        _history = history;
        Services = services;
    }

    public DbContext Db { get; }
    public AdminUser User { get; }

    /// <summary>The request's services, for actions that hand the work to a feature's own service.</summary>
    public IServiceProvider Services { get; }

    internal List<AdminMessage> Messages { get; } = [];

    public void Message(string text) => Messages.Add(new AdminMessage(AdminMessages.Success, text));

    /// <summary>A message about something the action could not do.</summary>
    public void Warning(string text) => Messages.Add(new AdminMessage(AdminMessages.Warning, text));

    /// <summary>Saves the tracked changes to <paramref name="changed"/> with a history entry per object, in one transaction.</summary>
    public Task SaveChangesAsync(IEnumerable<T> changed, CancellationToken cancellationToken) =>
        _history.SaveWithHistoryAsync(Db, changed.Select(o => new HistoryRecord(Db.Entry(o), LogAction.Change)).ToList(), User.Id, cancellationToken);

    internal string ModelName => _admin.DisplayName;
}
