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
    public async Task<IActionResult> Export([FromRoute] string app, [FromRoute] string model, CancellationToken cancellationToken)
    {
        if (await EngineAsync(app, model, AdminOperation.View) is not { } engine) return Refusal(app, model);
        var outcome = await engine.ExportAsync(QueryItems(), cancellationToken);
        if (outcome.DisallowedParameter is { } parameter) return DisallowedLookup(engine.Admin, parameter);
        if (outcome.Export is { } export) return export;
        Message(AdminMessages.Error, "Invalid filter");
        return Redirect(AdminUrls.ChangeList(engine.Admin) + "?e=1");
    }

    /// <summary>Changelist actions: "Delete selected" (confirmation, then delete) and the registration's own; list edits.</summary>
    [HttpPost("")]
    public async Task<IActionResult> RunAction([FromRoute] string app, [FromRoute] string model, CancellationToken cancellationToken)
    {
        if (await EngineAsync(app, model, AdminOperation.View) is not { } engine) return Refusal(app, model);
        var form = await Request.ReadFormAsync(cancellationToken);
        return Respond(engine.Admin, await new ChangeListActions(engine, RequestContext()).RunAsync(form, QueryItems(), cancellationToken));
    }

    [HttpGet("add")]
    public async Task<IActionResult> Add([FromRoute] string app, [FromRoute] string model, CancellationToken cancellationToken)
    {
        if (await EngineAsync(app, model, AdminOperation.Add) is not { } engine) return Refusal(app, model);
        var page = await engine.FormAsync(null, readOnly: false, PreservedFilters(), cancellationToken);
        page.IsPopup = IsPopup();
        return View(ViewRoot + "ChangeForm.cshtml", page);
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
        page.IsPopup = IsPopup();
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
        return Respond(engine.Admin, await new DeleteView(engine, RequestContext()).ConfirmAsync([obj], bulk: false, PreservedFilters(), cancellationToken));
    }

    [HttpPost("{id}/delete")]
    public async Task<IActionResult> DeletePost([FromRoute] string app, [FromRoute] string model, [FromRoute] string id, CancellationToken cancellationToken)
    {
        if (await EngineAsync(app, model, AdminOperation.Delete) is not { } engine) return Refusal(app, model);
        if (await engine.FindAsync(id, cancellationToken) is not { } obj) return Missing(engine.Admin, id);
        var preserved = PreservedFilters();
        var done = AdminUrls.ChangeListWithFilters(engine.Admin, preserved);
        return Respond(engine.Admin, await new DeleteView(engine, RequestContext()).DeleteAsync([obj], bulk: false, preserved, done, cancellationToken));
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
        var popup = form[AdminUrls.PopupParameter].LastOrDefault() == "1";
        if (outcome.Form is { } invalid)
        {
            invalid.IsPopup = popup;
            return View(ViewRoot + "ChangeForm.cshtml", invalid);
        }
        var admin = engine.Admin;
        // Opened from another form's related-object link: answer that form with the object instead of going to the list.
        if (popup)
            return View(ViewRoot + "PopupResponse.cshtml", new PopupResponseViewModel(added ? "add" : "change", outcome.SavedId!, outcome.SavedLabel ?? "", admin.DisplayName));
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

    /// <summary>A workflow's outcome as a response, with its messages for the next page.</summary>
    private IActionResult Respond(ModelAdmin admin, AdminOutcome outcome)
    {
        foreach (var message in outcome.Messages) Message(message.Level, message.Text);
        switch (outcome)
        {
            case AdminOutcome.Redirect redirect:
                return Redirect(redirect.Url);
            case AdminOutcome.Page page:
                if (page.ListErrors is not null) ViewData["ListErrors"] = page.ListErrors;
                return View(ViewRoot + page.View + ".cshtml", page.Model);
            case AdminOutcome.Refused refused:
                return Refused(refused.Target, refused.Refusal);
            case AdminOutcome.DisallowedLookup lookup:
                return DisallowedLookup(admin, lookup.Parameter);
            case AdminOutcome.Response response:
                return response.Result;
            case AdminOutcome.Forbidden:
                return Forbidden();
            default:
                throw new InvalidOperationException($"No response for {outcome.GetType().Name}.");
        }
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

    /// <summary>A form opened from another form's "add another / change" link (Django's <c>_popup=1</c>).</summary>
    private bool IsPopup() => Request.Query[AdminUrls.PopupParameter].LastOrDefault() == "1";

    private List<KeyValuePair<string, string>> QueryItems() =>
        Request.Query.SelectMany(p => p.Value.Select(v => new KeyValuePair<string, string>(p.Key, v ?? ""))).ToList();

    /// <summary>The changelist's query string carried through a form, re-encoded: it comes from the request and ends in a Location header.</summary>
    private string PreservedFilters() => AdminUrls.Query(
        Microsoft.AspNetCore.WebUtilities.QueryHelpers.ParseQuery(Request.Query[AdminUrls.PreservedFiltersParameter].LastOrDefault())
            .SelectMany(parameter => parameter.Value.Select(value => new KeyValuePair<string, string>(parameter.Key, value ?? ""))));
}
