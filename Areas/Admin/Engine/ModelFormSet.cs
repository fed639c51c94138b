using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Primitives;
using WebApp.Admin.Metadata;

namespace WebApp.Admin;

/// <summary>
/// Stored rows of one model edited together (Django's model formset): the changelist's editable columns and "Edit
/// selected". Each row binds and validates as its change form would; all are saved in one transaction with a history
/// entry per changed row, or, with any error in any row, none.
/// </summary>
internal sealed class ModelFormSet<T>(ModelAdmin<T> admin, AdminRequestContext context) where T : class
{
    private readonly ModelFormFields<T> _fields = new(context, admin.Resolved.EntityType, admin.Resolved.Key, admin.DisplayName, admin);

    /// <summary>A field of a row: its input, and the posted value to bind, or none to leave the object's value as it is.</summary>
    public sealed record Field(ModelPath Path, FormFieldViewModel View, StringValues? Posted);

    /// <summary>One tracked object with its fields; errors of fields it does not show go to <see cref="NonFieldErrors"/>.</summary>
    public sealed record Row(T Object, IReadOnlyList<Field> Fields)
    {
        public List<string> NonFieldErrors { get; } = [];

        public bool HasErrors => NonFieldErrors.Count > 0 || Fields.Any(f => f.View.Errors.Count > 0);
    }

    /// <summary>Binds and validates every row, then saves the changed ones with a history entry each, in one transaction.</summary>
    /// <returns>The rows saved; null when any row has an error (on its fields and non-field errors) and nothing was saved.</returns>
    public async Task<IReadOnlyList<T>?> SaveAsync(IReadOnlyList<Row> rows, CancellationToken cancellationToken)
    {
        var changed = new List<T>();
        foreach (var row in rows)
        {
            foreach (var field in row.Fields)
            {
                if (field.Posted is { } posted) await _fields.BindAsync(row.Object, field.Path, field.View, posted, cancellationToken);
            }
            var shown = row.Fields.ToDictionary(f => f.Path.Name, f => f.View, StringComparer.Ordinal);
            _fields.Validate(row.Object, shown, row.NonFieldErrors);
            if (!row.HasErrors) await _fields.CheckUniqueAsync(row.Object, isAdd: false, shown, row.NonFieldErrors, cancellationToken);
            var entry = context.Db.Entry(row.Object);
            entry.DetectChanges();
            if (entry.State == EntityState.Modified) changed.Add(row.Object);
        }
        if (rows.Any(r => r.HasErrors)) return null;
        if (changed.Count == 0) return changed;

        foreach (var obj in changed)
            await admin.SaveModelAsync(new AdminSaveContext<T>(obj, false, context.Db, context.User) { Services = context.Http.RequestServices }, cancellationToken);
        try
        {
            await context.History.SaveWithHistoryAsync(context.Db, changed.Select(o => new HistoryRecord(context.Db.Entry(o), LogAction.Change)).ToList(),
                context.User.Id, cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            foreach (var row in rows.Where(r => changed.Contains(r.Object)))
                row.NonFieldErrors.Add($"This {admin.DisplayName} was changed by someone else meanwhile: nothing was saved. Reload the page and try again.");
            return null;
        }
        catch (DbUpdateException exception) when (Data.DatabaseProviders.UniqueViolation(exception) is not null)
        {
            // The unique checks above can lose a race (as the change form's can); the database's constraint is the last
            // word: the rows whose refused value changed say so, and the transaction saved nothing.
            foreach (var row in rows.Where(r => changed.Contains(r.Object)))
            {
                var shown = row.Fields.ToDictionary(f => f.Path.Name, f => f.View, StringComparer.Ordinal);
                if (_fields.UniqueViolationField(exception, shown) is not { } field) row.NonFieldErrors.Add(_fields.UniqueMessage("value"));
                else if (context.Db.Entry(row.Object).Properties.Any(p => p.Metadata.Name == field.Name && p.IsModified)) field.Errors.Add(_fields.UniqueMessage(field.Label));
            }
            return null;
        }
        return changed;
    }
}
