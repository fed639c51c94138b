using Microsoft.AspNetCore.Authorization;

namespace WebApp.Admin;

/// <summary>
/// A POST to the changelist (Django's changelist_view with an action or list edits). Read top to bottom: list edits, or
/// an action the user may run, on the selected rows (or every filtered row), "Delete selected" through its confirmation,
/// a custom action with its messages and optional response.
/// </summary>
internal sealed class ChangeListActions(ModelAdminEngine engine, AdminRequestContext context)
{
    private ModelAdmin Admin => engine.Admin;

    public async Task<AdminOutcome> RunAsync(IFormCollection form, IReadOnlyList<KeyValuePair<string, string>> query, CancellationToken cancellationToken)
    {
        var parameters = new ChangeListParameters(AdminUrls.ChangeList(Admin), query);
        var back = parameters.Url();
        if (engine.DisallowedParameter(query) is { } disallowed) return new AdminOutcome.DisallowedLookup(disallowed);

        if (form.ContainsKey("_save") && string.IsNullOrEmpty(form["action"].LastOrDefault()))
            return await SaveListEditsAsync(form, query, back, cancellationToken);

        var name = form["action"].LastOrDefault();
        var keys = form["_selected_action"].Where(k => !string.IsNullOrEmpty(k)).Select(k => k!).ToList();
        var preserved = parameters.QueryString;
        // An action run from an object's change page goes back there.
        var fromChangePage = form["_return"].LastOrDefault() == "change" && keys.Count == 1;
        var returnUrl = fromChangePage ? AdminUrls.WithPreservedFilters(AdminUrls.Change(Admin, keys[0]), preserved) : back;
        // Bulk edit changes rows: without change permission it is refused outright, not quietly ignored.
        if (name == ModelAdminEngine.EditSelectedAction && !await HasAsync(AdminOperation.Change)) return new AdminOutcome.Forbidden();
        if (string.IsNullOrEmpty(name) || engine.AvailableActions().All(a => a.Name != name))
            return AdminOutcome.RedirectWith(returnUrl, AdminMessages.Warning, "No action selected.");
        // The offered actions already follow the permissions; asking again keeps the rule in one place for POSTs.
        if (!await HasAsync(engine.ActionPermission(name)!.Value)) return new AdminOutcome.Forbidden();

        var across = form["select_across"].LastOrDefault() == "1";
        var selected = keys.Count == 0 && !across ? [] : await engine.SelectedAsync(keys, across, query, cancellationToken);
        if (selected is null) return AdminOutcome.RedirectWith(AdminUrls.ChangeList(Admin) + "?e=1", AdminMessages.Error, "Invalid filter");
        if (selected.Count == 0) return AdminOutcome.RedirectWith(back, AdminMessages.Warning, "Items must be selected in order to perform actions on them.");

        if (name == ModelAdminEngine.DeleteSelectedAction)
        {
            var delete = new DeleteView(engine, context);
            return form["post"].LastOrDefault() == "yes"
                ? await delete.DeleteAsync(selected, bulk: true, preserved, back, cancellationToken)
                : await delete.ConfirmAsync(selected, bulk: true, preserved, cancellationToken);
        }

        // From an object's page, the action applies to the object as it was shown: not after someone else changed it.
        if (fromChangePage && !engine.IsCurrent(selected[0], form))
        {
            return AdminOutcome.RedirectWith(returnUrl, AdminMessages.Warning,
                $"This {Admin.DisplayName} was changed by someone else since you opened it. Look at it again, then retry.");
        }
        var messages = new List<AdminMessage>();
        var result = await engine.RunActionAsync(name, selected, messages, cancellationToken);
        return result is null ? new AdminOutcome.Redirect(returnUrl) { Messages = messages } : new AdminOutcome.Response(result) { Messages = messages };
    }

    /// <summary>Django's list_editable: every row saved, or with any error none, and the list again with the errors.</summary>
    private async Task<AdminOutcome> SaveListEditsAsync(
        IFormCollection form, IReadOnlyList<KeyValuePair<string, string>> query, string back, CancellationToken cancellationToken)
    {
        if (!await HasAsync(AdminOperation.Change)) return new AdminOutcome.Forbidden();
        var edited = await engine.SaveListEditsAsync(form, query, cancellationToken);
        if (edited.Invalid is { } invalid)
        {
            if (invalid.Page is null) return new AdminOutcome.Redirect(invalid.RedirectUrl ?? back);
            return new AdminOutcome.Page("ChangeList", invalid.Page, ListErrors: "Please correct the errors below.");
        }
        var noun = edited.Changed == 1 ? Admin.DisplayName : Admin.DisplayNamePlural;
        return AdminOutcome.RedirectWith(back, AdminMessages.Success,
            edited.Changed == 1 ? $"1 {noun} was changed successfully." : $"{edited.Changed} {noun} were changed successfully.");
    }

    private async Task<bool> HasAsync(AdminOperation operation) =>
        (await context.Http.RequestServices.GetRequiredService<IAuthorizationService>()
            .AuthorizeAsync(context.Http.User, Admin, [ModelPermissionRequirement.For(operation)])).Succeeded;
}
