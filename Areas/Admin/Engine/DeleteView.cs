namespace WebApp.Admin;

/// <summary>
/// Django's delete_view and the "Delete selected" action: the confirmation page, then the delete. Read top to bottom:
/// every object must pass the registration's rule, the page lists what goes with it, and a confirmed delete runs only
/// when nothing protects the objects and the user may delete everything that cascades.
/// </summary>
internal sealed class DeleteView(ModelAdminEngine engine, AdminRequestContext context)
{
    private ModelAdmin Admin => engine.Admin;

    /// <summary>The confirmation page: what the delete takes with it, blockers and missing permissions.</summary>
    public async Task<AdminOutcome> ConfirmAsync(IReadOnlyList<object> objects, bool bulk, string preservedFilters, CancellationToken cancellationToken)
    {
        if (await RefusalAsync(objects, cancellationToken) is { } refused) return refused;
        return new AdminOutcome.Page("Delete", await engine.DeletePageAsync(objects, bulk, preservedFilters, cancellationToken));
    }

    /// <summary>The confirmed delete: all the objects and their history entries in one transaction, then <paramref name="doneUrl"/>.</summary>
    public async Task<AdminOutcome> DeleteAsync(
        IReadOnlyList<object> objects, bool bulk, string preservedFilters, string doneUrl, CancellationToken cancellationToken)
    {
        if (await RefusalAsync(objects, cancellationToken) is { } refused) return refused;
        var page = await engine.DeletePageAsync(objects, bulk, preservedFilters, cancellationToken);
        if (page.Plan.PermissionsNeeded.Count > 0) return new AdminOutcome.Forbidden();
        // Protected relations block the delete: the page lists them again and nothing is deleted.
        if (!page.Plan.CanDelete) return new AdminOutcome.Page("Delete", page);

        var label = objects[0].ToString();
        await engine.DeleteAsync(objects, cancellationToken);
        var text = bulk
            ? $"Successfully deleted {objects.Count} {(objects.Count == 1 ? Admin.DisplayName : Admin.DisplayNamePlural)}."
            : $"The {Admin.DisplayName} \"{label}\" was deleted successfully.";
        return AdminOutcome.RedirectWith(doneUrl, AdminMessages.Success, text);
    }

    /// <summary>The registration's object-level rule (Django's has_delete_permission(request, obj)) for each object.</summary>
    private async Task<AdminOutcome?> RefusalAsync(IReadOnlyList<object> objects, CancellationToken cancellationToken)
    {
        foreach (var obj in objects)
        {
            if (await Admin.ObjectRefusalAsync(AdminOperation.Delete, obj, context, cancellationToken) is { } refusal)
                return new AdminOutcome.Refused(obj.ToString() ?? "", refusal);
        }
        return null;
    }
}
