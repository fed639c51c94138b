using Microsoft.AspNetCore.Mvc;

namespace WebApp.Admin;

/// <summary>The outcome of a changelist request: a page, a redirect with a message, or a refused lookup.</summary>
internal sealed record ChangeListOutcome(ChangeListViewModel? Page, string? RedirectUrl, string? ErrorMessage, string? DisallowedParameter);

/// <summary>The changelist as CSV, or the parameter that is not allowed (export is null for an invalid filter value).</summary>
internal sealed record ChangeListExportOutcome(ChangeListExport? Export, string? DisallowedParameter);

/// <summary>Posted list edits by row key, then field name: shown again with their errors when any row is invalid.</summary>
internal sealed class ListEdits : Dictionary<string, Dictionary<string, FormFieldViewModel>>;

/// <summary>Either the changelist again with the rows' errors, or the number of objects changed.</summary>
internal sealed record ListEditOutcome(ChangeListOutcome? Invalid, int Changed);

/// <summary>A save: either a redirect target with a success message, or the form again with its errors.</summary>
internal sealed record SaveOutcome(ChangeFormViewModel? Form, string? SavedId, string? SavedLabel)
{
    /// <summary>The POST did what the user may not (a forged inline row): a 403, nothing saved.</summary>
    public AdminRefusal? Refusal { get; init; }
}

/// <summary>A page of autocomplete choices (key, display string) and whether another page follows.</summary>
internal sealed record AutocompletePage(IReadOnlyList<(string Key, string Label)> Results, bool More);

/// <summary>What the engine does for one model; the controller only routes, authorises and picks views.</summary>
internal abstract class ModelAdminEngine
{
    /// <summary>The hidden field holding a list-editable cell's value as shown, beside its editor.</summary>
    internal static string InitialName(string editorName) => InitialPrefix + editorName;

    internal const string InitialPrefix = "initial-";

    public const string DeleteSelectedAction = "delete_selected";

    /// <summary>The built-in bulk edit: one field set on every selected row, after a confirmation page.</summary>
    public const string EditSelectedAction = "edit_selected";

    public abstract ModelAdmin Admin { get; }

    public abstract Task<ChangeListOutcome> ChangeListAsync(
        IReadOnlyList<KeyValuePair<string, string>> query, CancellationToken cancellationToken, ListEdits? edits = null);

    /// <summary>Every row of the changelist as it stands, with the list's columns, streamed (CSV export).</summary>
    public abstract Task<ChangeListExportOutcome> ExportAsync(IReadOnlyList<KeyValuePair<string, string>> query, CancellationToken cancellationToken);

    /// <summary>Saves the changelist's edited columns (Django's list_editable): all rows or, with any error, none.</summary>
    public abstract Task<ListEditOutcome> SaveListEditsAsync(
        IFormCollection form, IReadOnlyList<KeyValuePair<string, string>> query, CancellationToken cancellationToken);

    /// <summary>The object with this id (through the admin's queryset), tracked, or null for a bad or unknown id.</summary>
    public abstract Task<object?> FindAsync(string id, CancellationToken cancellationToken);

    public abstract Task<ChangeFormViewModel> FormAsync(object? existing, bool readOnly, string preservedFilters, CancellationToken cancellationToken);

    /// <summary>Binds the shown fields from the POST, validates and saves with a history entry.</summary>
    public abstract Task<SaveOutcome> SaveAsync(object? existing, IFormCollection form, string preservedFilters, CancellationToken cancellationToken);

    /// <summary>Django's "Save as new": the change form's POST saved as a new object, the original left as it was.</summary>
    public abstract Task<SaveOutcome> SaveAsNewAsync(object original, IFormCollection form, string preservedFilters, CancellationToken cancellationToken);

    public abstract Task<DeleteViewModel> DeletePageAsync(IReadOnlyList<object> objects, bool bulk, string preservedFilters, CancellationToken cancellationToken);

    public abstract Task DeleteAsync(IReadOnlyList<object> objects, CancellationToken cancellationToken);

    /// <summary>The rows an action applies to: the selected keys, or every row of the filtered changelist.</summary>
    public abstract Task<IReadOnlyList<object>?> SelectedAsync(IReadOnlyList<string> keys, bool acrossPages, IReadOnlyList<KeyValuePair<string, string>> query, CancellationToken cancellationToken);

    public abstract IReadOnlyList<ActionChoice> AvailableActions();

    public abstract string? DisallowedParameter(IReadOnlyList<KeyValuePair<string, string>> parameters);

    /// <summary>Runs a custom action; messages are added to <paramref name="messages"/>; null result means "back to the changelist".</summary>
    public abstract Task<IActionResult?> RunActionAsync(string name, IReadOnlyList<object> selected, List<AdminMessage> messages, CancellationToken cancellationToken);

    /// <summary>One page of the objects matching <paramref name="term"/> in the registration's search fields (the autocomplete widget's source).</summary>
    public abstract Task<AutocompletePage> AutocompleteAsync(string? term, int page, CancellationToken cancellationToken);

    public abstract Task<HistoryViewModel> HistoryAsync(object obj, int page, CancellationToken cancellationToken);

    public abstract string KeyOf(object obj);

    /// <summary>Whether the concurrency tokens posted with a form still match <paramref name="obj"/> (true when it has none).</summary>
    public abstract bool IsCurrent(object obj, IFormCollection form);

    public abstract AdminOperation? ActionPermission(string name);
}
