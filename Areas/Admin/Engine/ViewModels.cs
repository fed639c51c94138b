namespace WebApp.Admin;

public sealed record Breadcrumb(string Text, string? Url);

public sealed record AdminMessage(string Level, string Text);

public sealed record SortState(int Priority, bool Descending);

/// <summary>A changelist column header with the links Django offers: sort by this first, toggle, remove.</summary>
public sealed record ColumnHeader(string Text, bool Sortable, SortState? Sort, bool ShowPriority, string? PrimaryUrl, string? ToggleUrl, string? RemoveUrl, bool IsBoolean);

/// <summary>One changelist cell: display text (already "-" for empty), or a boolean; a link when the column links.</summary>
public sealed record ListCell(string Text, bool? Boolean, bool IsBooleanColumn, string? Url)
{
    /// <summary>The input of a list-editable column.</summary>
    public FormFieldViewModel? Editor { get; init; }

    /// <summary>The editor's value when the page was shown: a save changes only the cells edited since (Django's has_changed).</summary>
    public string? InitialValue { get; init; }
}

public sealed record ListRow(string Key, string Label, IReadOnlyList<ListCell> Cells);

public sealed record FilterLink(string Label, string Url, bool Selected);

public sealed record FilterPanel(string Title, string ParameterName, IReadOnlyList<FilterLink> Links)
{
    /// <summary>A date filter's from/to inputs (a GET form keeping the other parameters); null for other filters.</summary>
    public DateRangeForm? DateRange { get; init; }

    /// <summary>A foreign-key filter chosen by typing (the registration's AutocompleteFields), instead of one link per related row.</summary>
    public AutocompleteFilter? Autocomplete { get; init; }
}

/// <summary>A date range filter: <c>{Field}__gte</c> (from, inclusive) and <c>{Field}__lt</c> (to, exclusive) as yyyy-MM-dd.</summary>
public sealed record DateRangeForm(string FromName, string? From, string ToName, string? To, string ActionUrl, IReadOnlyList<KeyValuePair<string, string>> HiddenParameters);

/// <summary>A filter form: the autocomplete field for the parameter, and the changelist's other parameters kept as hidden inputs.</summary>
public sealed record AutocompleteFilter(FormFieldViewModel Field, string ActionUrl, IReadOnlyList<KeyValuePair<string, string>> HiddenParameters);

/// <summary>A page link, or null for the "…" between elided ranges.</summary>
public sealed record PageLink(int? Number, string? Url, bool Current);

public sealed record Pagination(int Page, int PageCount, IReadOnlyList<PageLink> Links, string? ShowAllUrl, bool ShowingAll, string CountText)
{
    /// <summary>"Show the exact count" (Django's show_full_result_count) when <see cref="CountText"/> is an estimate.</summary>
    public string? FullCountUrl { get; init; }
}

public sealed record ActionChoice(string Name, string Description);

public sealed record SearchBox(string? Query, string ActionUrl, IReadOnlyList<KeyValuePair<string, string>> HiddenParameters, string ResultText, string TotalText, bool Filtered, string ClearUrl);

public sealed class ChangeListViewModel
{
    public required ModelAdmin Admin { get; init; }
    public required string Title { get; init; }
    public required IReadOnlyList<ColumnHeader> Headers { get; init; }
    public required IReadOnlyList<ListRow> Rows { get; init; }
    public required SearchBox? Search { get; init; }
    public required IReadOnlyList<FilterPanel> Filters { get; init; }
    public required string? ClearFiltersUrl { get; init; }
    /// <summary>The year → month → day drill-down, when the registration declares a date hierarchy.</summary>
    public DateHierarchyViewModel? DateHierarchy { get; init; }
    public required Pagination Pagination { get; init; }
    public required IReadOnlyList<ActionChoice> Actions { get; init; }
    public required string? AddUrl { get; init; }
    /// <summary>The CSV export of this list as it stands (every page).</summary>
    public required string ExportUrl { get; init; }
    public required string PreservedFilters { get; init; }
    public required string FormActionUrl { get; init; }
    public required int ResultCount { get; init; }
    /// <summary>The count as shown: exact, "about …" (an estimate) or "more than …".</summary>
    public required string ResultCountText { get; init; }
    public bool HasEditableColumns { get; init; }
    public bool HasErrors => Rows.Any(r => r.Cells.Any(c => c.Editor is { Errors.Count: > 0 }));
}

public enum WidgetKind
{
    Text,
    TextArea,
    Number,
    Decimal,
    Checkbox,
    NullableBoolean,
    Date,
    DateTime,
    Time,
    Select,
    Email,
    Url,
    ForeignKey,
    ManyToMany,
    Password,
    Image,

    /// <summary>A foreign key chosen by typing (AutocompleteFields): a combobox over <c>/admin/autocomplete/</c>.</summary>
    Autocomplete,
}

public sealed record SelectOption(string Value, string Label, bool Selected);

/// <summary>Everything a field widget renders: the input, its label, help text, constraints and errors.</summary>
public sealed class FormFieldViewModel
{
    public required string Name { get; init; }
    public required string Label { get; init; }
    public string? HelpText { get; init; }
    public bool Required { get; set; }
    public bool ReadOnly { get; init; }
    public WidgetKind Widget { get; init; }
    public string? Value { get; set; }
    public string DisplayValue { get; set; } = "-";
    public IReadOnlyList<SelectOption> Options { get; set; } = [];

    /// <summary>An image field's current image (<see cref="ImageField{T}"/>).</summary>
    public AdminImage? Image { get; set; }

    public int? MaxLength { get; init; }
    public string? Min { get; init; }
    public string? Max { get; init; }
    public string? Step { get; init; }
    public string? Pattern { get; init; }

    /// <summary>The ids of the inputs this one is filled from as a slug while typing (Django's prepopulated_fields).</summary>
    public string? PrepopulatedFrom { get; set; }
    public List<string> Errors { get; } = [];

    /// <summary>For a foreign key: the autocomplete source and Django's add/change/view links to the related model.</summary>
    public RelatedWidget? Related { get; set; }

    /// <summary>The same field under another name and value (a changelist row's input).</summary>
    public FormFieldViewModel For(string name, string? value) => new()
    {
        Name = name,
        Label = Label,
        HelpText = HelpText,
        Required = Required,
        ReadOnly = ReadOnly,
        Widget = Widget,
        Value = value,
        Options = Options.Count == 0 ? [] : Options.Select(o => o with { Selected = o.Value == value }).ToList(),
        MaxLength = MaxLength,
        Min = Min,
        Max = Max,
        Step = Step,
        Pattern = Pattern,
    };
}

public sealed record FieldsetViewModel(string? Title, string? Description, bool Collapsed, IReadOnlyList<FormFieldViewModel> Fields)
{
    /// <summary>The fields grouped into rows (most rows hold one field).</summary>
    public IReadOnlyList<IReadOnlyList<FormFieldViewModel>> Rows { get; init; } = Fields.Select(f => (IReadOnlyList<FormFieldViewModel>)[f]).ToList();
}

public sealed class ChangeFormViewModel
{
    public required ModelAdmin Admin { get; init; }
    public required string Title { get; init; }
    public required bool IsAdd { get; init; }
    public required bool ReadOnly { get; init; }
    public string? ObjectId { get; init; }
    public string? ObjectLabel { get; init; }
    public required IReadOnlyList<FieldsetViewModel> Fieldsets { get; init; }
    public List<string> NonFieldErrors { get; } = [];
    public IReadOnlyList<KeyValuePair<string, string>> ConcurrencyTokens { get; init; } = [];
    public string? ViewOnSiteUrl { get; init; }
    public bool CanDelete { get; init; }
    public bool CanAddAnother { get; init; }
    public string? HistoryUrl { get; init; }
    public string? DeleteUrl { get; init; }
    public required string ChangeListUrl { get; init; }
    public required string PreservedFilters { get; init; }

    /// <summary>The registration's actions this user may run on this one object (Django offers them on the list only).</summary>
    public IReadOnlyList<ActionChoice> ObjectActions { get; init; } = [];

    /// <summary>The registration's boxes beside the form (facts, links, buttons).</summary>
    public IReadOnlyList<ChangeFormPanel> Panels { get; init; } = [];

    /// <summary>Opened from another form's "add another / change" link (<c>_popup=1</c>): saving answers that form, not the list.</summary>
    public bool IsPopup { get; set; }

    /// <summary>Why a user with the model's change permission still sees this object read-only.</summary>
    public string? ReadOnlyReason { get; set; }

    /// <summary>Related rows edited with the object (Django's inline formsets), after the fieldsets.</summary>
    public IReadOnlyList<InlineFormSetViewModel> Inlines { get; init; } = [];

    /// <summary>The "Save as new" button (the registration's SaveAs, and the user may add).</summary>
    public bool CanSaveAsNew { get; init; }

    /// <summary>A "Save as new" came back with errors: only that button is offered, so the original is not overwritten.</summary>
    public bool SaveAsNewOnly { get; init; }

    public bool HasErrors => NonFieldErrors.Count > 0 || Fieldsets.Any(s => s.Fields.Any(f => f.Errors.Count > 0)) || Inlines.Any(i => i.HasErrors);
}

public sealed class DeletionNode(string modelName, string label, string? url)
{
    public string ModelName { get; } = modelName;
    public string Label { get; } = label;
    public string? Url { get; } = url;
    public List<DeletionNode> Children { get; } = [];
}

public sealed class DeletionPlan
{
    public List<DeletionNode> Roots { get; } = [];
    public List<(string Model, int Count)> Counts { get; } = [];
    public List<DeletionNode> Protected { get; } = [];
    public SortedSet<string> PermissionsNeeded { get; } = new(StringComparer.Ordinal);
    public bool Truncated { get; set; }
    public int ProtectedCount { get; set; }

    public bool CanDelete => Protected.Count == 0 && ProtectedCount == 0 && PermissionsNeeded.Count == 0;
}

public sealed class DeleteViewModel
{
    public required ModelAdmin Admin { get; init; }
    public required string Title { get; init; }
    public required DeletionPlan Plan { get; init; }
    public required IReadOnlyList<(string Key, string Label)> Objects { get; init; }
    public required bool Bulk { get; init; }
    public required string ChangeListUrl { get; init; }
    public required string PreservedFilters { get; init; }
    public string? ObjectUrl { get; init; }
    public required string FormActionUrl { get; init; }
}

/// <summary>"Edit selected": the rows, the field to set (chosen first), its input, and any row that refused the value.</summary>
public sealed class BulkEditViewModel
{
    public required ModelAdmin Admin { get; init; }
    public required IReadOnlyList<(string Key, string Label)> Objects { get; init; }
    public required IReadOnlyList<SelectOption> Fields { get; init; }
    public FormFieldViewModel? Input { get; set; }
    public List<string> RowErrors { get; } = [];
    public required string FormActionUrl { get; init; }
    public required string ChangeListUrl { get; init; }
}

public sealed record HistoryEntryViewModel(DateTime Time, string User, LogAction Action, IReadOnlyList<FieldChange> Changes);

public sealed class HistoryViewModel
{
    public required ModelAdmin Admin { get; init; }
    public required string Title { get; init; }
    public required string ObjectId { get; init; }
    public required string ObjectLabel { get; init; }
    public required IReadOnlyList<HistoryEntryViewModel> Entries { get; init; }
    public required Pagination Pagination { get; init; }
    public required string ChangeUrl { get; init; }
    public required string ChangeListUrl { get; init; }
}

public sealed record ModelLink(string Name, string? ChangeListUrl, string? AddUrl, bool ViewOnly);

public sealed record AppSection(string Label, string Name, string Url, IReadOnlyList<ModelLink> Models);

public sealed record RecentAction(LogAction Action, string ObjectRepr, string ContentName, string? Url);

public sealed class IndexViewModel
{
    public required string Title { get; init; }
    public required IReadOnlyList<AppSection> Apps { get; init; }
    public IReadOnlyList<RecentAction> RecentActions { get; init; } = [];
    public bool ShowRecentActions { get; init; }
}
