using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Html;
using WebApp.Site;

namespace WebApp.Admin.Components;

/// <summary>Page links with Django's elision (first 2, current ±3, last 2), "Show all" and the count.</summary>
public sealed class PagerHtml(Pagination pagination) : IHtmlContent
{
    public void WriteTo(TextWriter writer, HtmlEncoder encoder)
    {
        var html = new HtmlWriter(writer, encoder);
        html.Raw("<nav class=\"admin-pager d-flex flex-wrap align-items-center gap-2\" aria-label=\"Pages\">");
        if (pagination.Links.Count > 0)
        {
            html.Raw("<ul class=\"pagination pagination-sm mb-0\">");
            foreach (var link in pagination.Links)
            {
                if (link.Number is not { } number)
                {
                    html.Raw("<li class=\"page-item disabled\"><span class=\"page-link\">…</span></li>");
                }
                else if (link.Current)
                {
                    html.Raw("<li class=\"page-item active\" aria-current=\"page\"><span class=\"page-link\">");
                    html.Text(number);
                    html.Raw("</span></li>");
                }
                else
                {
                    html.Raw("<li class=\"page-item\"><a class=\"page-link\"");
                    html.Attribute("href", link.Url);
                    html.Raw('>');
                    html.Text(number);
                    html.Raw("</a></li>");
                }
            }
            html.Raw("</ul>");
        }
        html.Raw("<span class=\"admin-result-count\">");
        html.Text(pagination.CountText);
        html.Raw("</span>");
        if (pagination.FullCountUrl is not null) html.Link(pagination.FullCountUrl, "Show the exact count", "admin-full-count");
        if (pagination.ShowAllUrl is not null) html.Link(pagination.ShowAllUrl, "Show all", "admin-show-all");
        html.Raw("</nav>");
    }
}
