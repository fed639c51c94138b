using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Components;
using WebApp.Site;

namespace WebApp.Admin.Components;

/// <summary>
/// One form field as the admin shows it: label, the input for its type, required marker, help text and errors; a
/// read-only field shows its (escaped) value. Written straight to a writer: the change form shows it through
/// <see cref="FieldWidget"/>, and a changelist writes a hundred list-editable cells with it, which as a component each
/// cost more than their markup.
/// </summary>
public static class FieldHtml
{
    /// <param name="compact">Inside a changelist or inline row: the label is for screen readers only and there is no help text.</param>
    /// <param name="rowLabel">The row the input belongs to: the label then says so ("Stock of Boot").</param>
    public static MarkupString Markup(FormFieldViewModel field, bool compact = false, string? rowLabel = null)
    {
        using var text = new StringWriter();
        Write(new HtmlWriter(text, HtmlEncoder.Default), field, compact, rowLabel);
        return new MarkupString(text.ToString());
    }

    public static void Write(HtmlWriter html, FormFieldViewModel field, bool compact = false, string? rowLabel = null)
    {
        var id = "id_" + field.Name.Replace('.', '_');
        var hasHelp = !string.IsNullOrEmpty(field.HelpText) && !compact;
        var hasErrors = field.Errors.Count > 0;
        var describedBy = hasHelp && hasErrors ? $"{id}-help {id}-errors" : hasHelp ? id + "-help" : hasErrors ? id + "-errors" : null;
        var invalid = hasErrors ? "is-invalid" : null;
        var size = compact ? "form-control-sm" : null;

        html.Raw("<div");
        html.Classes("admin-field", compact ? null : "mb-3", hasErrors ? "has-errors" : null);
        html.Raw('>');
        if (field.ReadOnly)
        {
            html.Raw("<div");
            html.Attribute("class", compact ? "visually-hidden" : "form-label fw-semibold mb-1");
            html.Attribute("id", id + "-label");
            html.Raw('>');
            Label(html, field, rowLabel);
            html.Raw("</div><div class=\"admin-readonly\"");
            html.Attribute("aria-labelledby", id + "-label");
            html.Raw('>');
            html.Text(field.DisplayValue);
            html.Raw("</div>");
        }
        else if (field.Widget == WidgetKind.Checkbox)
        {
            html.Raw("<div class=\"form-check\"><input");
            html.Classes("form-check-input", invalid);
            html.Raw(" type=\"checkbox\"");
            html.Attribute("id", id);
            html.Attribute("name", field.Name);
            html.Raw(" value=\"true\"");
            html.Flag("checked", field.Value == "true");
            html.Attribute("aria-describedby", describedBy);
            html.Raw(" /><label");
            html.Attribute("class", compact ? "visually-hidden" : "form-check-label");
            html.Attribute("for", id);
            html.Raw('>');
            Label(html, field, rowLabel);
            html.Raw("</label></div>");
        }
        else
        {
            html.Raw("<label");
            html.Attribute("class", compact ? "visually-hidden" : "form-label fw-semibold");
            html.Attribute("for", id);
            html.Raw('>');
            Label(html, field, rowLabel);
            if (field.Required && !compact) html.Raw("<span class=\"text-danger\" aria-hidden=\"true\">*</span>");
            html.Raw("</label>");
            Input(html, field, id, size, invalid, describedBy);
        }
        if (hasHelp)
        {
            html.Raw("<div class=\"form-text\"");
            html.Attribute("id", id + "-help");
            html.Raw('>');
            html.Text(field.HelpText);
            html.Raw("</div>");
        }
        if (hasErrors)
        {
            html.Raw("<ul class=\"errorlist invalid-feedback d-block list-unstyled mb-0\"");
            html.Attribute("id", id + "-errors");
            html.Raw('>');
            foreach (var error in field.Errors)
            {
                html.Raw("<li>");
                html.Text(error);
                html.Raw("</li>");
            }
            html.Raw("</ul>");
        }
        html.Raw("</div>");
    }

    private static void Label(HtmlWriter html, FormFieldViewModel field, string? rowLabel)
    {
        html.Text(field.Label);
        if (rowLabel is null) return;
        html.Raw(" of ");
        html.Text(rowLabel);
    }

    /// <summary>The input, select or textarea for the field's widget, with a foreign key's related links.</summary>
    private static void Input(HtmlWriter html, FormFieldViewModel field, string id, string? size, string? invalid, string? describedBy)
    {
        switch (field.Widget)
        {
            case WidgetKind.TextArea:
                html.Raw("<textarea");
                html.Classes("form-control", size, invalid);
                Named(html, field, id);
                html.Raw(" rows=\"6\"");
                html.Attribute("maxlength", field.MaxLength);
                html.Flag("required", field.Required);
                html.Attribute("aria-describedby", describedBy);
                html.Raw('>');
                html.Text(field.Value);
                html.Raw("</textarea>");
                break;
            case WidgetKind.Select:
            case WidgetKind.ForeignKey:
                html.Raw("<select");
                html.Classes("form-select", size, invalid);
                Named(html, field, id);
                html.Flag("required", field.Required);
                html.Attribute("aria-describedby", describedBy);
                html.Raw("><option value=\"\"");
                html.Flag("selected", !field.Options.Any(o => o.Selected));
                html.Raw(">---------</option>");
                Options(html, field.Options);
                html.Raw("</select>");
                if (field.Widget == WidgetKind.ForeignKey) RelatedLinks(html, field.Related, id, field.Value);
                break;
            case WidgetKind.Autocomplete:
                Autocomplete(html, field, id, describedBy, invalid);
                RelatedLinks(html, field.Related, id, field.Value);
                break;
            case WidgetKind.NullableBoolean:
                html.Raw("<select");
                html.Classes("form-select", invalid);
                Named(html, field, id);
                html.Attribute("aria-describedby", describedBy);
                html.Raw("><option value=\"\"");
                html.Flag("selected", field.Value is null or "");
                html.Raw(">Unknown</option><option value=\"true\"");
                html.Flag("selected", field.Value == "true");
                html.Raw(">Yes</option><option value=\"false\"");
                html.Flag("selected", field.Value == "false");
                html.Raw(">No</option></select>");
                break;
            case WidgetKind.ManyToMany:
                // Django's filter_horizontal: a plain multi-select that works without JavaScript; /admin/picker.js turns
                // it into two labelled panes ("Available" / "Chosen") with filter boxes and move buttons.
                html.Raw("<select");
                html.Classes("form-select", invalid);
                Named(html, field, id);
                html.Raw(" multiple");
                html.Attribute("size", Math.Clamp(field.Options.Count, 3, 10));
                html.Attribute("aria-describedby", describedBy);
                html.Attribute("data-picker", field.Label);
                html.Raw('>');
                Options(html, field.Options);
                html.Raw("</select>");
                break;
            case WidgetKind.Image:
                Image(html, field, id, describedBy, invalid);
                break;
            default:
                html.Raw("<input");
                html.Classes("form-control", size, invalid);
                html.Attribute("type", InputType(field.Widget));
                Named(html, field, id);
                html.Attribute("value", field.Widget == WidgetKind.Password ? null : field.Value);
                html.Attribute("maxlength", field.MaxLength);
                html.Attribute("min", field.Min);
                html.Attribute("max", field.Max);
                html.Attribute("step", field.Step);
                html.Attribute("pattern", field.Pattern);
                html.Flag("required", field.Required);
                html.Attribute("aria-describedby", describedBy);
                html.Attribute("data-prepopulate-from", field.PrepopulatedFrom);
                html.Raw(" />");
                break;
        }
    }

    private static void Named(HtmlWriter html, FormFieldViewModel field, string id)
    {
        html.Attribute("id", id);
        html.Attribute("name", field.Name);
    }

    private static void Options(HtmlWriter html, IReadOnlyList<SelectOption> options)
    {
        foreach (var option in options)
        {
            html.Raw("<option");
            html.Attribute("value", option.Value);
            html.Flag("selected", option.Selected);
            html.Raw('>');
            html.Text(option.Label);
            html.Raw("</option>");
        }
    }

    private static string InputType(WidgetKind widget) => widget switch
    {
        WidgetKind.Number or WidgetKind.Decimal => "number",
        WidgetKind.Date => "date",
        WidgetKind.DateTime => "datetime-local",
        WidgetKind.Time => "time",
        WidgetKind.Email => "email",
        WidgetKind.Url => "url",
        WidgetKind.Password => "password",
        _ => "text",
    };

    /// <summary>
    /// Django's related-object links beside a foreign key: change (or view) the chosen object, add another.
    /// /admin/related.js opens them in a popup whose save selects the object here; without JavaScript they open the
    /// page in a new tab.
    /// </summary>
    /// <param name="fieldId">The id of the input or select that holds the key (the popup's answer goes there).</param>
    private static void RelatedLinks(HtmlWriter html, RelatedWidget? related, string fieldId, string? value)
    {
        if (related is null || related.ChangeUrlTemplate is null && related.AddUrl is null) return;
        html.Raw("<div class=\"admin-related-links d-flex flex-wrap gap-3 small mt-1\"");
        html.Attribute("data-related-for", fieldId);
        html.Raw('>');
        if (related.ChangeUrlTemplate is not null)
        {
            var url = related.ChangeUrl(value);
            html.Raw("<a class=\"admin-related-change\"");
            html.Attribute("href", url ?? "#");
            html.Flag("hidden", url is null);
            html.Raw(" target=\"_blank\" data-popup");
            html.Attribute("data-href-template", related.ChangeUrlTemplate);
            html.Raw('>');
            html.Text(related.CanChange ? "Change" : "View");
            html.Raw(" selected ");
            html.Text(related.ModelName);
            html.Raw("</a>");
        }
        if (related.AddUrl is not null)
        {
            html.Raw("<a class=\"admin-related-add\"");
            html.Attribute("href", related.AddUrl);
            html.Raw(" target=\"_blank\" data-popup>Add another ");
            html.Text(related.ModelName);
            html.Raw("</a>");
        }
        html.Raw("</div>");
    }

    /// <summary>
    /// A foreign key chosen by typing (Django's autocomplete_fields). Without JavaScript it is an input for the key,
    /// with the current object's name beside it: the form still posts the key. /admin/autocomplete.js shows the
    /// combobox (the ARIA combobox pattern: a listbox of options, arrows, Enter, Escape) and keeps the key input,
    /// hidden, as what is posted. The field's label names the key input (the script points it at the combobox).
    /// </summary>
    internal static void Autocomplete(HtmlWriter html, FormFieldViewModel field, string id, string? describedBy, string? invalid)
    {
        var numeric = field.Related?.NumericKey ?? false;
        // The chosen object's display string (the only option the engine loads).
        var current = field.Options.FirstOrDefault(o => o.Selected)?.Label;
        html.Raw("<div class=\"admin-autocomplete\"");
        html.Attribute("data-autocomplete-url", field.Related?.AutocompleteUrl);
        html.Attribute("data-key-input", id);
        html.Raw("><input");
        html.Classes("form-control admin-autocomplete-key", invalid);
        html.Attribute("type", numeric ? "number" : "text");
        Named(html, field, id);
        html.Attribute("value", field.Value);
        html.Attribute("step", numeric ? "1" : null);
        html.Flag("required", field.Required);
        html.Attribute("aria-describedby", string.IsNullOrEmpty(describedBy) ? id + "-current" : $"{id}-current {describedBy}");
        html.Raw(" /><div class=\"form-text admin-autocomplete-current\"");
        html.Attribute("id", id + "-current");
        html.Raw(">Current: ");
        html.Text(current ?? "none");
        html.Raw("</div><div class=\"admin-autocomplete-box position-relative\" hidden><input");
        html.Classes("form-control", invalid);
        html.Raw(" type=\"text\"");
        html.Attribute("id", id + "-search");
        html.Raw(" role=\"combobox\" autocomplete=\"off\" spellcheck=\"false\" aria-autocomplete=\"list\" aria-expanded=\"false\"");
        html.Attribute("aria-controls", id + "-listbox");
        html.Attribute("aria-describedby", describedBy);
        html.Attribute("value", current);
        html.Raw(" placeholder=\"Type to search\" /><ul class=\"admin-autocomplete-list list-group position-absolute w-100 shadow-sm\"");
        html.Attribute("id", id + "-listbox");
        html.Raw(" role=\"listbox\"");
        html.Attribute("aria-label", field.Label);
        html.Raw(" hidden></ul><div class=\"visually-hidden\"");
        html.Attribute("id", id + "-status");
        html.Raw(" role=\"status\" aria-live=\"polite\"></div></div></div>");
    }

    /// <summary>
    /// Django's ClearableFileInput: the current image (a thumbnail linking to the full size), "Clear" unless the field
    /// is required, and a file input to replace it.
    /// </summary>
    private static void Image(HtmlWriter html, FormFieldViewModel field, string id, string? describedBy, string? invalid)
    {
        if (field.Image is { } image)
        {
            html.Raw("<div class=\"admin-image-current d-flex flex-wrap align-items-center gap-3 mb-2\"><span>Currently:</span><a");
            html.Attribute("href", image.Url);
            html.Raw(" class=\"admin-image-link\"><img");
            html.Attribute("src", image.ThumbnailUrl);
            html.Attribute("alt", image.Name);
            html.Raw(" class=\"img-thumbnail admin-image-thumbnail\" width=\"160\" loading=\"lazy\" /></a>");
            if (!field.Required)
            {
                html.Raw("<div class=\"form-check mb-0\"><input class=\"form-check-input\" type=\"checkbox\"");
                html.Attribute("id", id + "-clear");
                html.Attribute("name", field.Name + "-clear");
                html.Raw(" value=\"on\" /><label class=\"form-check-label\"");
                html.Attribute("for", id + "-clear");
                html.Raw(">Clear</label></div>");
            }
            html.Raw("</div>");
        }
        html.Raw("<input");
        html.Classes("form-control", invalid);
        html.Raw(" type=\"file\"");
        Named(html, field, id);
        html.Raw(" accept=\"image/jpeg,image/png,image/gif,image/webp\"");
        html.Flag("required", field.Required && field.Image is null);
        html.Attribute("aria-describedby", describedBy);
        html.Raw(" />");
    }
}
