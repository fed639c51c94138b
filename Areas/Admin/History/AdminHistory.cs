using System.Globalization;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata;

namespace WebApp.Admin;

internal sealed class AdminHistory(ModelAdminRegistry registry) : IAdminHistory
{
    // Identity's secrets, whatever the model: never copied into a log that many people may read.
    private static readonly HashSet<string> AlwaysSecret = new(StringComparer.Ordinal) { "PasswordHash", "SecurityStamp", "ConcurrencyStamp" };

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public async Task SaveWithHistoryAsync(DbContext db, IReadOnlyList<HistoryRecord> records, string? userId, CancellationToken cancellationToken)
    {
        // Everything is read before saving: afterwards the entries are Unchanged (or Detached) and the old values gone.
        var pending = records.Select(r => (r.Entry, r.Action, Changes: Describe(r.Entry, r.Action).Concat(r.ExtraChanges ?? []).ToList(),
            Repr: Truncate(r.Entry.Entity.ToString() ?? ""))).ToList();
        var userName = userId is null ? "" : await db.Set<Accounts.ApplicationUser>().Where(u => u.Id == userId)
            .Select(u => u.Email ?? u.UserName ?? u.Id).SingleOrDefaultAsync(cancellationToken) ?? "";
        // Keys of deleted rows are gone after saving; keys of added rows exist only after it.
        var keysBefore = pending.Select(p => p.Action == LogAction.Add ? null : KeyOf(p.Entry)).ToList();

        var ownTransaction = db.Database.CurrentTransaction is null ? await db.Database.BeginTransactionAsync(cancellationToken) : null;
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            var now = DateTime.UtcNow;
            for (var i = 0; i < pending.Count; i++)
            {
                var (entry, action, changes, repr) = pending[i];
                db.Add(new LogEntry
                {
                    ActionTime = now,
                    UserId = userId,
                    UserName = userName,
                    ContentType = ContentTypeOf(entry.Metadata),
                    ObjectId = keysBefore[i] ?? KeyOf(entry) ?? "",
                    ObjectRepr = action == LogAction.Add ? Truncate(entry.Entity.ToString() ?? "") : repr,
                    Action = action,
                    ChangeMessage = JsonSerializer.Serialize(new ChangeMessageDocument(changes), Json),
                });
            }
            await db.SaveChangesAsync(cancellationToken);
            if (ownTransaction is not null) await ownTransaction.CommitAsync(cancellationToken);
        }
        finally
        {
            if (ownTransaction is not null) await ownTransaction.DisposeAsync();
        }
    }

    public IReadOnlyList<FieldChange> ReadChanges(LogEntry entry)
    {
        if (string.IsNullOrEmpty(entry.ChangeMessage)) return [];
        try
        {
            return JsonSerializer.Deserialize<ChangeMessageDocument>(entry.ChangeMessage, Json)?.Fields ?? [];
        }
        catch (JsonException)
        {
            return [];
        }
    }

    private sealed record ChangeMessageDocument(IReadOnlyList<FieldChange> Fields);

    internal string ContentTypeOf(IReadOnlyEntityType entityType) =>
        registry.Find(entityType.ClrType)?.ContentType ?? entityType.ClrType.Name.ToLowerInvariant();

    private IEnumerable<FieldChange> Describe(EntityEntry entry, LogAction action)
    {
        if (action == LogAction.Delete) yield break;
        entry.DetectChanges();
        var secrets = registry.Find(entry.Metadata.ClrType)?.SecretFields ?? [];
        foreach (var property in entry.Properties)
        {
            var metadata = property.Metadata;
            if (metadata.IsPrimaryKey() && metadata.ValueGenerated != ValueGenerated.Never) continue;
            if (metadata.IsConcurrencyToken || metadata.IsShadowProperty()) continue;
            if (action == LogAction.Change && !property.IsModified) continue;
            var old = action == LogAction.Add ? null : property.OriginalValue;
            var current = property.CurrentValue;
            if (action == LogAction.Change && Equals(old, current)) continue;
            var secret = AlwaysSecret.Contains(metadata.Name) || secrets.Contains(metadata.Name);
            var label = Metadata.DisplayNames.For(metadata);
            yield return secret
                ? new FieldChange(metadata.Name, label, null, null, Secret: true)
                : new FieldChange(metadata.Name, label, action == LogAction.Add ? null : Format(old), Format(current));
        }
    }

    internal static string? Format(object? value) => value switch
    {
        null => null,
        DateTime d => d.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture),
        // Money read back from the database has no trailing zeros; always show at least cents so old and new compare by eye.
        decimal m => m.ToString("0.00##########", CultureInfo.InvariantCulture),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString(),
    };

    private static string? KeyOf(EntityEntry entry)
    {
        var key = entry.Metadata.FindPrimaryKey();
        if (key is null || key.Properties.Count != 1) return null;
        var value = entry.Property(key.Properties[0].Name).CurrentValue;
        return value is null ? null : Metadata.ValueParsing.FormatKey(value);
    }

    private static string Truncate(string text) =>
        text.Length <= LogEntry.ObjectReprMaxLength ? text : text[..(LogEntry.ObjectReprMaxLength - 1)] + "…";
}
