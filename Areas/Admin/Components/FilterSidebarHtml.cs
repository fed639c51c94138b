using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Html;
using WebApp.Site;

namespace WebApp.Admin.Components;

/// <summary>The filter panel: one list per filter, "All" first, the current choice marked; "Clear all filters" when any is set.</summary>
public sealed class FilterSidebarHtml(IReadOnlyList<FilterPanel> panels, string? clearAllUrl) : IHtmlContent
{
    public void WriteTo(TextWriter writer, HtmlEncoder encoder)
    {
        var html = new HtmlWriter(writer, encoder);
        html.Raw("<aside class=\"admin-filters\" aria-labelledby=\"filters-heading\"><h2 id=\"filters-heading\" class=\"h6\">Filter</h2>");
        if (clearAllUrl is not null)
        {
            html.Raw("<p class=\"small\"><a");
            html.Attribute("href", clearAllUrl);
            html.Raw(">✖ Clear all filters</a></p>");
        }
        foreach (var panel in panels) Panel(html, panel);
        html.Raw("</aside>");
    }

    private static void Panel(HtmlWriter html, FilterPanel panel)
    {
        html.Raw("<details open class=\"mb-2\"><summary class=\"fw-semibold small\">By ");
        html.Text(panel.Title.ToLowerInvariant());
        html.Raw("</summary><ul class=\"list-unstyled small ms-2 mb-0\">");
        foreach (var link in panel.Links)
        {
            html.Raw(link.Selected ? "<li class=\"selected fw-bold\"><a aria-current=\"true\"" : "<li><a");
            html.Attribute("href", link.Url);
            html.Raw('>');
            html.Text(link.Label);
            html.Raw("</a></li>");
        }
        html.Raw("</ul>");
        if (panel.DateRange is { } range)
        {
            html.Raw("<form class=\"admin-date-range small ms-2 mt-1\" method=\"get\"");
            html.Attribute("action", range.ActionUrl);
            html.Raw('>');
            SearchBarHtml.HiddenInputs(html, range.HiddenParameters);
            html.Raw("<label class=\"d-block\">From <input class=\"form-control form-control-sm\" type=\"date\"");
            html.Attribute("name", range.FromName);
            html.Attribute("value", range.From);
            html.Raw(" /></label><label class=\"d-block\">Before <input class=\"form-control form-control-sm\" type=\"date\"");
            html.Attribute("name", range.ToName);
            html.Attribute("value", range.To);
            html.Raw(" /></label><button class=\"btn btn-sm btn-outline-secondary mt-1\" type=\"submit\">Filter</button></form>");
        }
        if (panel.Autocomplete is { } autocomplete)
        {
            var id = "filter_" + autocomplete.Field.Name;
            html.Raw("<form method=\"get\"");
            html.Attribute("action", autocomplete.ActionUrl);
            html.Raw(" class=\"admin-filter-autocomplete ms-2 mt-1 small\">");
            SearchBarHtml.HiddenInputs(html, autocomplete.HiddenParameters);
            html.Raw("<label class=\"visually-hidden\"");
            html.Attribute("for", id);
            html.Raw('>');
            html.Text(panel.Title);
            html.Raw("</label>");
            FieldHtml.Autocomplete(html, autocomplete.Field, id, describedBy: null, invalid: null);
            html.Raw("<button type=\"submit\" class=\"btn btn-sm btn-outline-secondary mt-1\">Filter</button></form>");
        }
        html.Raw("</details>");
    }
}
