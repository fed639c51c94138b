using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;

namespace WebApp.Admin;

/// <summary>A tracked entity to log: its pending change is read before saving.</summary>
/// <param name="ExtraChanges">Changes the change tracker cannot see as properties (many-to-many selections).</param>
public sealed record HistoryRecord(EntityEntry Entry, LogAction Action, IReadOnlyList<FieldChange>? ExtraChanges = null);

/// <summary>One changed field; values are display strings, null for secrets (which are named but never stored).</summary>
public sealed record FieldChange(string Field, string Label, string? Old, string? New, bool Secret = false);

/// <summary>
/// The admin's history log, for any part of the app that changes data on a person's behalf (the JSON API too):
/// saves the context's changes and a <see cref="LogEntry"/> per record in one transaction.
/// </summary>
public interface IAdminHistory
{
    Task SaveWithHistoryAsync(DbContext db, IReadOnlyList<HistoryRecord> records, string? userId, CancellationToken cancellationToken);

    /// <summary>The structured change message of an entry, for display.</summary>
    IReadOnlyList<FieldChange> ReadChanges(LogEntry entry);
}
