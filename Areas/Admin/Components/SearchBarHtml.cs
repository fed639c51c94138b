using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Html;
using WebApp.Site;

namespace WebApp.Admin.Components;

/// <summary>The changelist's search form: a GET that keeps the current filters and ordering as hidden fields.</summary>
public sealed class SearchBarHtml(SearchBox search) : IHtmlContent
{
    public void WriteTo(TextWriter writer, HtmlEncoder encoder)
    {
        var html = new HtmlWriter(writer, encoder);
        html.Raw("<form class=\"admin-search d-flex flex-wrap align-items-center gap-2 mb-3\" method=\"get\"");
        html.Attribute("action", search.ActionUrl);
        html.Raw(" role=\"search\"><label class=\"visually-hidden\" for=\"searchbar\">Search</label>"
            + "<input class=\"form-control form-control-sm w-auto\" type=\"search\" id=\"searchbar\" name=\"q\"");
        html.Attribute("value", search.Query);
        html.Raw(" />");
        HiddenInputs(html, search.HiddenParameters);
        html.Raw("<button class=\"btn btn-sm btn-primary\" type=\"submit\">Search</button>");
        if (search.Filtered)
        {
            html.Raw("<span class=\"small text-body-secondary\">");
            html.Text(search.ResultText);
            html.Raw(" (<a");
            html.Attribute("href", search.ClearUrl);
            html.Raw('>');
            html.Text(search.TotalText);
            html.Raw(" total</a>)</span>");
        }
        html.Raw("</form>");
    }

    /// <summary>The list's other parameters, kept by a GET form that changes one of them.</summary>
    internal static void HiddenInputs(HtmlWriter html, IReadOnlyList<KeyValuePair<string, string>> parameters)
    {
        foreach (var (name, value) in parameters)
        {
            html.Raw("<input type=\"hidden\"");
            html.Attribute("name", name);
            html.Attribute("value", value);
            html.Raw(" />");
        }
    }
}
