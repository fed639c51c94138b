using System.Globalization;
using Microsoft.AspNetCore.Mvc;

namespace WebApp.Admin.Controllers;

/// <summary>The generic pages of every registered model: changelist and actions, add, change/view, delete, history.</summary>
[Route("admin/{app}/{model}")]
public sealed class ModelAdminController : AdminControllerBase
{
    private const string ViewRoot = "~/Areas/Admin/Views/ModelAdmin/";

    [HttpGet("")]
    public async Task<IActionResult> ChangeList([FromRoute] string app, [FromRoute] string model, CancellationToken cancellationToken)
    {
        if (await EngineAsync(app, model, AdminOperation.View) is not { } engine) return Refusal(app, model);
        var outcome = await engine.ChangeListAsync(QueryItems(), cancellationToken);
        if (outcome.DisallowedParameter is { } parameter) return DisallowedLookup(engine.Admin, parameter);
        if (outcome.RedirectUrl is { } url)
        {
            Message(AdminMessages.Error, outcome.ErrorMessage!);
            return Redirect(url);
        }
        return View(ViewRoot + "ChangeList.cshtml", outcome.Page);
    }

    /// <summary>The changelist as it stands (filters, search, ordering; every page) as a CSV file.</summary>
    [HttpGet("export")]
    public async Task<IActionResult> Export([FromRoute] string app, [FromRoute] string model)
    {
        if (await EngineAsync(app, model, AdminOperation.View) is not { } engine) return Refusal(app, model);
        var outcome = engine.Export(QueryItems());
        if (outcome.DisallowedParameter is { } parameter) return DisallowedLookup(engine.Admin, parameter);
        if (outcome.Export is { } export) return export;
        Message(AdminMessages.Error, "Invalid filter");
        return Redirect(AdminUrls.ChangeList(engine.Admin) + "?e=1");
    }

    /// <summary>Changelist actions: "Delete selected" (confirmation, then delete) and the registration's own.</summary>
    [HttpPost("")]
    public async Task<IActionResult> RunAction([FromRoute] string app, [FromRoute] string model, CancellationToken cancellationToken)
    {
        if (await EngineAsync(app, model, AdminOperation.View) is not { } engine) return Refusal(app, model);
        var form = await Request.ReadFormAsync(cancellationToken);
        var query = QueryItems();
        var back = new ChangeListParameters(AdminUrls.ChangeList(engine.Admin), query).Url();
        if (engine.DisallowedParameter(query) is { } disallowed) return DisallowedLookup(engine.Admin, disallowed);

        if (form.ContainsKey("_save") && string.IsNullOrEmpty(form["action"].LastOrDefault()))
        {
            if (!await HasAsync(engine.Admin, AdminOperation.Change)) return Forbidden();
            var edited = await engine.SaveListEditsAsync(form, query, cancellationToken);
            if (edited.Invalid is { } invalid)
            {
                if (invalid.Page is null) return Redirect(invalid.RedirectUrl ?? back);
                ViewData["ListErrors"] = "Please correct the errors below.";
                return View(ViewRoot + "ChangeList.cshtml", invalid.Page);
            }
            var noun = edited.Changed == 1 ? engine.Admin.DisplayName : engine.Admin.DisplayNamePlural;
            Message(AdminMessages.Success, edited.Changed == 1 ? $"1 {noun} was changed successfully." : $"{edited.Changed} {noun} were changed successfully.");
            return Redirect(back);
        }

        var name = form["action"].LastOrDefault();
        var keys = form["_selected_action"].Where(k => !string.IsNullOrEmpty(k)).Select(k => k!).ToList();
        var fromChangePage = form["_return"].LastOrDefault() == "change" && keys.Count == 1;
        var preserved = new ChangeListParameters(AdminUrls.ChangeList(engine.Admin), query).QueryString;
        if (string.IsNullOrEmpty(name) || engine.AvailableActions().All(a => a.Name != name))
        {
            Message(AdminMessages.Warning, "No action selected.");
            return Redirect(fromChangePage ? AdminUrls.WithPreservedFilters(AdminUrls.Change(engine.Admin, keys[0]), preserved) : back);
        }
        // The offered actions already follow the permissions; asking again keeps the rule in one place for POSTs.
        if (!await HasAsync(engine.Admin, engine.ActionPermission(name)!.Value)) return Forbidden();

        var across = form["select_across"].LastOrDefault() == "1";
        var selected = keys.Count == 0 && !across ? [] : await engine.SelectedAsync(keys, across, query, cancellationToken);
        if (selected is null)
        {
            Message(AdminMessages.Error, "Invalid filter");
            return Redirect(AdminUrls.ChangeList(engine.Admin) + "?e=1");
        }
        if (selected.Count == 0)
        {
            Message(AdminMessages.Warning, "Items must be selected in order to perform actions on them.");
            return Redirect(back);
        }

        if (name == ModelAdminEngine.DeleteSelectedAction)
        {
            foreach (var obj in selected)
            {
                if (await ObjectRefusalAsync(engine, AdminOperation.Delete, obj, cancellationToken) is { } refused) return refused;
            }
            var page = await engine.DeletePageAsync(selected, bulk: true, preserved, cancellationToken);
            if (form["post"].LastOrDefault() != "yes" || !page.Plan.CanDelete)
            {
                if (form["post"].LastOrDefault() == "yes" && page.Plan.PermissionsNeeded.Count > 0) return Forbidden();
                return View(ViewRoot + "Delete.cshtml", page);
            }
            await engine.DeleteAsync(selected, cancellationToken);
            Message(AdminMessages.Success, $"Successfully deleted {selected.Count} {(selected.Count == 1 ? engine.Admin.DisplayName : engine.Admin.DisplayNamePlural)}.");
            return Redirect(back);
        }

        // From an object's page, the action applies to the object as it was shown: not after someone else changed it.
        if (fromChangePage && !engine.IsCurrent(selected[0], form))
        {
            Message(AdminMessages.Warning, $"This {engine.Admin.DisplayName} was changed by someone else since you opened it. Look at it again, then retry.");
            return Redirect(AdminUrls.WithPreservedFilters(AdminUrls.Change(engine.Admin, keys[0]), preserved));
        }
        var messages = new List<AdminMessage>();
        var result = await engine.RunActionAsync(name, selected, messages, cancellationToken);
        foreach (var message in messages) Message(message.Level, message.Text);
        // An action run from an object's change page goes back there.
        if (result is null && fromChangePage)
            return Redirect(AdminUrls.WithPreservedFilters(AdminUrls.Change(engine.Admin, keys[0]), preserved));
        return result ?? Redirect(back);
    }

    [HttpGet("add")]
    public async Task<IActionResult> Add([FromRoute] string app, [FromRoute] string model, CancellationToken cancellationToken)
    {
        if (await EngineAsync(app, model, AdminOperation.Add) is not { } engine) return Refusal(app, model);
        return View(ViewRoot + "ChangeForm.cshtml", await engine.FormAsync(null, readOnly: false, PreservedFilters(), cancellationToken));
    }

    [HttpPost("add")]
    public async Task<IActionResult> AddPost([FromRoute] string app, [FromRoute] string model, CancellationToken cancellationToken)
    {
        if (await EngineAsync(app, model, AdminOperation.Add) is not { } engine) return Refusal(app, model);
        var form = await Request.ReadFormAsync(cancellationToken);
        var outcome = await engine.SaveAsync(null, form, PreservedFilters(), cancellationToken);
        return AfterSave(engine, outcome, form, added: true);
    }

    [HttpGet("{id}")]
    public IActionResult Object([FromRoute] string app, [FromRoute] string model, [FromRoute] string id) =>
        RedirectPermanent($"/admin/{app}/{model}/{Uri.EscapeDataString(id)}/change/");

    [HttpGet("{id}/change")]
    public async Task<IActionResult> Change([FromRoute] string app, [FromRoute] string model, [FromRoute] string id, CancellationToken cancellationToken)
    {
        if (await EngineAsync(app, model, AdminOperation.View) is not { } engine) return Refusal(app, model);
        if (await engine.FindAsync(id, cancellationToken) is not { } obj) return Missing(engine.Admin, id);
        if (await ObjectRefusalAsync(engine, AdminOperation.View, obj, cancellationToken) is { } hidden) return hidden;
        var refusal = engine.Admin.HasChangePermission(AdminUser)
            ? await engine.Admin.ObjectRefusalAsync(AdminOperation.Change, obj, RequestContext(), cancellationToken)
            : null;
        var readOnly = !engine.Admin.HasChangePermission(AdminUser) || refusal is not null;
        var page = await engine.FormAsync(obj, readOnly, PreservedFilters(), cancellationToken);
        page.ReadOnlyReason = refusal?.Message;
        return View(ViewRoot + "ChangeForm.cshtml", page);
    }

    [HttpPost("{id}/change")]
    public async Task<IActionResult> ChangePost([FromRoute] string app, [FromRoute] string model, [FromRoute] string id, CancellationToken cancellationToken)
    {
        if (await EngineAsync(app, model, AdminOperation.Change) is not { } engine) return Refusal(app, model);
        if (await engine.FindAsync(id, cancellationToken) is not { } obj) return Missing(engine.Admin, id);
        if (await ObjectRefusalAsync(engine, AdminOperation.Change, obj, cancellationToken) is { } refused) return refused;
        var form = await Request.ReadFormAsync(cancellationToken);
        if (form.ContainsKey("_saveasnew"))
        {
            // "Save as new" adds an object: without add permission it is refused, and nothing is saved.
            if (!engine.Admin.SavesAsNew || !engine.Admin.HasAddPermission(AdminUser)) return Forbidden();
            if (await ObjectRefusalAsync(engine, AdminOperation.Add, obj, cancellationToken) is { } notCopied) return notCopied;
            return AfterSave(engine, await engine.SaveAsNewAsync(obj, form, PreservedFilters(), cancellationToken), form, added: true);
        }
        var outcome = await engine.SaveAsync(obj, form, PreservedFilters(), cancellationToken);
        return AfterSave(engine, outcome, form, added: false);
    }

    [HttpGet("{id}/delete")]
    public async Task<IActionResult> Delete([FromRoute] string app, [FromRoute] string model, [FromRoute] string id, CancellationToken cancellationToken)
    {
        if (await EngineAsync(app, model, AdminOperation.Delete) is not { } engine) return Refusal(app, model);
        if (await engine.FindAsync(id, cancellationToken) is not { } obj) return Missing(engine.Admin, id);
        if (await ObjectRefusalAsync(engine, AdminOperation.Delete, obj, cancellationToken) is { } refused) return refused;
        return View(ViewRoot + "Delete.cshtml", await engine.DeletePageAsync([obj], bulk: false, PreservedFilters(), cancellationToken));
    }

    [HttpPost("{id}/delete")]
    public async Task<IActionResult> DeletePost([FromRoute] string app, [FromRoute] string model, [FromRoute] string id, CancellationToken cancellationToken)
    {
        if (await EngineAsync(app, model, AdminOperation.Delete) is not { } engine) return Refusal(app, model);
        if (await engine.FindAsync(id, cancellationToken) is not { } obj) return Missing(engine.Admin, id);
        if (await ObjectRefusalAsync(engine, AdminOperation.Delete, obj, cancellationToken) is { } refused) return refused;
        var page = await engine.DeletePageAsync([obj], bulk: false, PreservedFilters(), cancellationToken);
        if (page.Plan.PermissionsNeeded.Count > 0) return Forbidden();
        if (!page.Plan.CanDelete) return View(ViewRoot + "Delete.cshtml", page);
        var label = obj.ToString();
        await engine.DeleteAsync([obj], cancellationToken);
        Message(AdminMessages.Success, $"The {engine.Admin.DisplayName} \"{label}\" was deleted successfully.");
        return Redirect(AdminUrls.ChangeListWithFilters(engine.Admin, PreservedFilters()));
    }

    [HttpGet("{id}/history")]
    public async Task<IActionResult> History([FromRoute] string app, [FromRoute] string model, [FromRoute] string id, [FromQuery] string? p, CancellationToken cancellationToken)
    {
        if (await EngineAsync(app, model, AdminOperation.View) is not { } engine) return Refusal(app, model);
        if (await engine.FindAsync(id, cancellationToken) is not { } obj) return Missing(engine.Admin, id);
        var page = int.TryParse(p, NumberStyles.Integer, CultureInfo.InvariantCulture, out var number) ? number : 1;
        return View(ViewRoot + "History.cshtml", await engine.HistoryAsync(obj, page, cancellationToken));
    }

    private IActionResult AfterSave(ModelAdminEngine engine, SaveOutcome outcome, IFormCollection form, bool added)
    {
        if (outcome.Refusal is { } refusal) return Refused(engine.Admin.DisplayName, refusal);
        if (outcome.Form is { } invalid) return View(ViewRoot + "ChangeForm.cshtml", invalid);
        var admin = engine.Admin;
        var preserved = PreservedFilters();
        var what = $"The {admin.DisplayName} \"{outcome.SavedLabel}\" was {(added ? "added" : "changed")} successfully.";
        if (form.ContainsKey("_continue") || form.ContainsKey("_saveasnew") || added && admin.EditAfterAdd)
        {
            Message(AdminMessages.Success, what + " You may edit it again below.");
            return Redirect(AdminUrls.WithPreservedFilters(AdminUrls.Change(admin, outcome.SavedId!), preserved));
        }
        if (form.ContainsKey("_addanother") && admin.HasAddPermission(AdminUser))
        {
            Message(AdminMessages.Success, what + $" You may add another {admin.DisplayName} below.");
            return Redirect(AdminUrls.WithPreservedFilters(AdminUrls.Add(admin), preserved));
        }
        Message(AdminMessages.Success, what);
        return Redirect(AdminUrls.ChangeListWithFilters(admin, preserved));
    }

    /// <summary>The engine for a registered model the user holds <paramref name="operation"/> on; null means refuse.</summary>
    private async Task<ModelAdminEngine?> EngineAsync(string app, string model, AdminOperation operation)
    {
        var admin = Registry.Find(app, model);
        if (admin is null || !await HasAsync(admin, operation)) return null;
        return admin.CreateEngine(RequestContext());
    }

    /// <summary>The registration's object-level rule for this object: null allows; otherwise a logged 403 that says why.</summary>
    private async Task<IActionResult?> ObjectRefusalAsync(ModelAdminEngine engine, AdminOperation operation, object obj, CancellationToken cancellationToken)
    {
        if (await engine.Admin.ObjectRefusalAsync(operation, obj, RequestContext(), cancellationToken) is not { } refusal) return null;
        return Refused(obj.ToString() ?? "", refusal);
    }

    /// <summary>An unknown model is a 404; a known one without the permission a 403 (GET and POST alike).</summary>
    private IActionResult Refusal(string app, string model) => Registry.Find(app, model) is null ? AdminNotFound() : Forbidden();

    private IActionResult Missing(ModelAdmin admin, string id)
    {
        var name = Metadata.DisplayNames.Capitalize(admin.DisplayName);
        Message(AdminMessages.Warning, $"{name} with ID \"{id}\" doesn't exist. Perhaps it was deleted?");
        return Redirect(admin.HasViewPermission(AdminUser) ? AdminUrls.ChangeList(admin) : AdminUrls.Root);
    }

    /// <summary>A lookup that is not a declared filter: refused and logged, since it is how data gets probed.</summary>
    private IActionResult DisallowedLookup(ModelAdmin admin, string parameter)
    {
        SecurityLog.DisallowedLookup(AdminUser, admin.Label, parameter, HttpContext.Connection.RemoteIpAddress);
        return AdminView("BadRequest", StatusCodes.Status400BadRequest, $"Filtering by \"{parameter}\" is not allowed.");
    }

    private List<KeyValuePair<string, string>> QueryItems() =>
        Request.Query.SelectMany(p => p.Value.Select(v => new KeyValuePair<string, string>(p.Key, v ?? ""))).ToList();

    /// <summary>The changelist's query string carried through a form, re-encoded: it comes from the request and ends in a Location header.</summary>
    private string PreservedFilters() => AdminUrls.Query(
        Microsoft.AspNetCore.WebUtilities.QueryHelpers.ParseQuery(Request.Query[AdminUrls.PreservedFiltersParameter].LastOrDefault())
            .SelectMany(parameter => parameter.Value.Select(value => new KeyValuePair<string, string>(parameter.Key, value ?? ""))));
}
