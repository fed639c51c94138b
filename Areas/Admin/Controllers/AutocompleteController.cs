using System.Globalization;
using Microsoft.AspNetCore.Mvc;

namespace WebApp.Admin.Controllers;

/// <summary>
/// Django's AutocompleteJsonView: <c>/admin/autocomplete/?term=&amp;app_label=&amp;model_name=&amp;field_name=&amp;page=</c>
/// answers one page of the related model's objects matching the term, for a foreign key declared in the source
/// registration's AutocompleteFields. The caller needs view permission on the related model.
/// </summary>
[Route("admin/autocomplete")]
public sealed class AutocompleteController : AdminControllerBase
{
    [HttpGet("")]
    public async Task<IActionResult> Search(
        [FromQuery] string? term,
        [FromQuery(Name = "app_label")] string? appLabel,
        [FromQuery(Name = "model_name")] string? modelName,
        [FromQuery(Name = "field_name")] string? fieldName,
        [FromQuery] string? page,
        CancellationToken cancellationToken)
    {
        // Unknown source, field or page: nothing to search, so a 404 (never a 500).
        var source = Registry.Find(appLabel ?? "", modelName ?? "");
        if (source?.AutocompleteTarget(fieldName ?? "") is not { } target) return AdminNotFound();
        var number = 1;
        if (!string.IsNullOrEmpty(page) && (!int.TryParse(page, NumberStyles.None, CultureInfo.InvariantCulture, out number) || number < 1))
            return AdminNotFound();
        if (!await HasAsync(target, AdminOperation.View)) return Forbidden();

        var found = await target.CreateEngine(RequestContext()).AutocompleteAsync(term, number, cancellationToken);
        return Json(new AutocompleteResponse(
            found.Results.Select(r => new AutocompleteResult(r.Key, r.Label)).ToList(),
            new AutocompletePagination(found.More)));
    }
}

/// <summary>Django's JSON shape, which select2-style widgets read: <c>{"results": [{"id", "text"}], "pagination": {"more"}}</c>.</summary>
internal sealed record AutocompleteResponse(
    [property: System.Text.Json.Serialization.JsonPropertyName("results")] IReadOnlyList<AutocompleteResult> Results,
    [property: System.Text.Json.Serialization.JsonPropertyName("pagination")] AutocompletePagination Pagination);

internal sealed record AutocompleteResult(
    [property: System.Text.Json.Serialization.JsonPropertyName("id")] string Id,
    [property: System.Text.Json.Serialization.JsonPropertyName("text")] string Text);

internal sealed record AutocompletePagination([property: System.Text.Json.Serialization.JsonPropertyName("more")] bool More);
