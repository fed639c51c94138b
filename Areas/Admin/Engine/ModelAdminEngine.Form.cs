using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using WebApp.Admin.Metadata;

namespace WebApp.Admin;

// The add and change form live in ChangeForm<T>; the field-level binding in ModelFormFields<T>. This part only hands
// the controller's calls over.
internal sealed partial class ModelAdminEngine<T>
{
    private ChangeForm<T> ChangeForm => new(admin, context, AvailableActions);

    public override async Task<object?> FindAsync(string id, CancellationToken cancellationToken)
    {
        if (ValueParsing.TryParseKey(id, Resolved.Key.ClrType) is not { } key) return null;
        var query = BaseQuery(tracking: true).Where(RelatedRows.KeyIn<T>(Resolved.Key, [key]));
        foreach (var field in Resolved.FormFields.Where(f => f.Path.Target is ISkipNavigation))
            query = query.Include(field.Name);
        return await query.SingleOrDefaultAsync(cancellationToken);
    }

    public override Task<ChangeFormViewModel> FormAsync(object? existing, bool readOnly, string preservedFilters, CancellationToken cancellationToken) =>
        ChangeForm.ShowAsync((T?)existing, readOnly, preservedFilters, cancellationToken);

    public override Task<SaveOutcome> SaveAsync(object? existing, IFormCollection form, string preservedFilters, CancellationToken cancellationToken) =>
        ChangeForm.SaveAsync((T?)existing, form, preservedFilters, saveAsNew: false, cancellationToken);

    public override Task<SaveOutcome> SaveAsNewAsync(object original, IFormCollection form, string preservedFilters, CancellationToken cancellationToken) =>
        ChangeForm.SaveAsync((T)original, form, preservedFilters, saveAsNew: true, cancellationToken);

    public override bool IsCurrent(object obj, IFormCollection form) => ChangeForm.IsCurrent((T)obj, form);
}
