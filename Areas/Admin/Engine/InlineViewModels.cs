namespace WebApp.Admin;

/// <summary>One row of an inline formset: its fields named <c>{prefix}-{i}-{Property}</c>, the key, delete box and errors.</summary>
public sealed class InlineRowViewModel
{
    /// <summary>The row's form prefix, <c>reviews-0</c> (<c>reviews-__prefix__</c> in the empty template row).</summary>
    public required string Prefix { get; init; }

    /// <summary>The existing child's key, posted as <c>{prefix}-{i}-Id</c>; null for a new row.</summary>
    public string? Key { get; init; }

    /// <summary>Who the row is for people: the child's display text, or "New review" for an empty one.</summary>
    public required string Label { get; init; }

    public string? ChangeUrl { get; init; }
    public required IReadOnlyList<FormFieldViewModel> Fields { get; init; }
    public bool CanDelete { get; init; }
    public bool Delete { get; set; }
    public List<string> Errors { get; } = [];

    public string KeyName => Prefix + "-Id";
    public string DeleteName => Prefix + "-DELETE";
    public bool HasErrors => Errors.Count > 0 || Fields.Any(f => f.Errors.Count > 0);
}

/// <summary>An inline formset on the change page: the management form's numbers, the rows and the empty row for "Add another".</summary>
public sealed class InlineFormSetViewModel
{
    public required string Prefix { get; init; }
    public required string Title { get; init; }

    /// <summary>The child's singular name ("review"), for "Add another review".</summary>
    public required string ItemName { get; init; }

    public required bool IsTabular { get; init; }
    public required List<InlineRowViewModel> Rows { get; init; }

    /// <summary>The row the script copies for "Add another"; null when the user may not add.</summary>
    public InlineRowViewModel? EmptyRow { get; init; }

    public required int InitialForms { get; init; }
    public required int MinNum { get; init; }
    public required int MaxNum { get; init; }
    public bool ShowDeleteColumn { get; init; }

    /// <summary>The user may see the child model's rows or add one; otherwise the inline is left off the page (and out of the POST).</summary>
    public bool Visible { get; init; } = true;
    public List<string> NonFormErrors { get; } = [];

    /// <summary>The management form's TOTAL_FORMS: the row indexes in use (a row skipped on a POST leaves a gap).</summary>
    public required int TotalForms { get; init; }
    public bool HasErrors => NonFormErrors.Count > 0 || Rows.Any(r => r.HasErrors);

    /// <summary>The column headers of a tabular inline: the fields of its rows.</summary>
    public IReadOnlyList<FormFieldViewModel> Columns => (EmptyRow ?? Rows.FirstOrDefault())?.Fields ?? [];
}
