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

    internal AdminActionContext(ModelAdmin<T> admin, DbContext db, AdminUser user, IAdminHistory history)
    {
        _admin = admin;
        Db = db;
        User = user;
        _history = history;
    }

    public DbContext Db { get; }
    public AdminUser User { get; }
    internal List<string> Messages { get; } = [];

    public void Message(string text) => Messages.Add(text);

    /// <summary>Saves the tracked changes to <paramref name="changed"/> with a history entry per object, in one transaction.</summary>
    public Task SaveChangesAsync(IEnumerable<T> changed, CancellationToken cancellationToken) =>
        _history.SaveWithHistoryAsync(Db, changed.Select(o => new HistoryRecord(Db.Entry(o), LogAction.Change)).ToList(), User.Id, cancellationToken);

    internal string ModelName => _admin.DisplayName;
}
