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
        // Changes and deletions are described before saving: afterwards the old values are gone. Additions are
        // described after it, with the keys and timestamps the save filled in.
        var pending = new List<(EntityEntry Entry, LogAction Action, List<FieldChange>? Changes, string Repr)>();
        foreach (var record in records)
        {
            var changes = record.Action == LogAction.Add ? null : await DescribeAsync(db, record.Entry, record.Action, record.ExtraChanges, cancellationToken);
            pending.Add((record.Entry, record.Action, changes, Truncate(record.Entry.Entity.ToString() ?? "")));
        }
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
                changes ??= await DescribeAsync(db, entry, action, records[i].ExtraChanges, cancellationToken);
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

    private async Task<List<FieldChange>> DescribeAsync(
        DbContext db, EntityEntry entry, LogAction action, IReadOnlyList<FieldChange>? extraChanges, CancellationToken cancellationToken)
    {
        var changes = new List<FieldChange>();
        if (action != LogAction.Delete)
        {
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
                var label = Metadata.DisplayNames.For(metadata);
                if (AlwaysSecret.Contains(metadata.Name) || secrets.Contains(metadata.Name))
                {
                    changes.Add(new FieldChange(metadata.Name, label, null, null, Secret: true));
                    continue;
                }
                changes.Add(new FieldChange(metadata.Name, label,
                    action == LogAction.Add ? null : await DisplayAsync(db, metadata, old, cancellationToken),
                    await DisplayAsync(db, metadata, current, cancellationToken)));
            }
        }
        changes.AddRange(extraChanges ?? []);
        return changes;
    }

    /// <summary>A value as the history shows it: a foreign key by the related object's display text, as people know it.</summary>
    private static async Task<string?> DisplayAsync(DbContext db, IProperty property, object? value, CancellationToken cancellationToken)
    {
        if (value is null) return null;
        var foreignKey = property.GetContainingForeignKeys().FirstOrDefault(k => k.Properties.Count == 1);
        if (foreignKey is null) return Format(value);
        var related = await db.FindAsync(foreignKey.PrincipalEntityType.ClrType, [value], cancellationToken);
        return related?.ToString() is { Length: > 0 } text ? Truncate(text) : Format(value);
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
