namespace WebApp.Admin;

/// <summary>
/// How a foreign key's widget reaches the related model: the autocomplete source (AutocompleteFields) and Django's
/// related-object links beside it, which open the related form in a popup (<c>_popup=1</c>) that answers with the saved object.
/// </summary>
public sealed record RelatedWidget
{
    /// <summary>The related model's name as people read it ("category"), for the links' labels.</summary>
    public required string ModelName { get; init; }

    /// <summary><c>/admin/autocomplete/?app_label=…&amp;model_name=…&amp;field_name=…</c>, or null for a plain select.</summary>
    public string? AutocompleteUrl { get; init; }

    /// <summary>Whether the key is a whole number: without JavaScript the key is typed into a number input then.</summary>
    public bool NumericKey { get; init; }

    /// <summary>"Add another": the related add form as a popup; null without the add permission.</summary>
    public string? AddUrl { get; init; }

    /// <summary>The chosen object's change (or view) page as a popup, with <see cref="KeyPlaceholder"/> for its key; null without view permission.</summary>
    public string? ChangeUrlTemplate { get; init; }

    /// <summary>Whether the link beside the field changes the object (change permission) or only shows it.</summary>
    public bool CanChange { get; init; }

    /// <summary>Stands for the chosen key in <see cref="ChangeUrlTemplate"/> (Django's <c>__fk__</c>).</summary>
    public const string KeyPlaceholder = "__fk__";

    /// <summary>The link for the current key, or null when none is chosen or there is no link.</summary>
    public string? ChangeUrl(string? key) =>
        string.IsNullOrEmpty(key) || ChangeUrlTemplate is null ? null : ChangeUrlTemplate.Replace(KeyPlaceholder, Uri.EscapeDataString(key), StringComparison.Ordinal);
}
