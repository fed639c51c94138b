using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Html;
using WebApp.Site;

namespace WebApp.Admin.Components;

/// <summary>
/// The changelist's table (Django's result_list inclusion tag): headers with their sort links, one row per object with
/// its selection box, its link, boolean icons and list-editable inputs.
/// </summary>
public sealed class ResultListHtml(ChangeListViewModel list) : IHtmlContent
{
    private bool HasActions => list.Actions.Count > 0;

    public void WriteTo(TextWriter writer, HtmlEncoder encoder)
    {
        var html = new HtmlWriter(writer, encoder);
        html.Raw("<div class=\"table-responsive\"><table class=\"table table-sm table-striped table-hover align-middle\" id=\"result_list\"><caption class=\"visually-hidden\">");
        html.Text(list.Title);
        html.Raw("</caption><thead><tr>");
        if (HasActions)
        {
            html.Raw("<th scope=\"col\" class=\"admin-select-column\"><input type=\"checkbox\" class=\"form-check-input\" id=\"action-toggle\"");
            html.Attribute("aria-label", $"Select all {list.Admin.DisplayNamePlural} on this page");
            html.Raw(" hidden /></th>");
        }
        foreach (var header in list.Headers) Header(html, header);
        html.Raw("</tr></thead><tbody>");
        for (var rowIndex = 0; rowIndex < list.Rows.Count; rowIndex++) Row(html, list.Rows[rowIndex], rowIndex);
        html.Raw("</tbody></table></div>");
    }

    /// <summary>A column header: a link that sorts by this column first, and when sorted its priority, toggle and remove links.</summary>
    private static void Header(HtmlWriter html, ColumnHeader header)
    {
        html.Raw("<th scope=\"col\"");
        html.Attribute("class", header.Sort is null ? null : "sorted");
        html.Attribute("aria-sort", header.Sort switch { null => null, { Descending: true } => "descending", _ => "ascending" });
        html.Raw('>');
        if (!header.Sortable)
        {
            html.Raw("<span>");
            html.Text(header.Text);
            html.Raw("</span></th>");
            return;
        }
        html.Link(header.PrimaryUrl!, header.Text, "admin-sort-primary");
        if (header.Sort is { } sort)
        {
            html.Raw("<span class=\"admin-sort-options\">");
            if (header.ShowPriority)
            {
                html.Raw("<span class=\"admin-sort-priority\"");
                html.Attribute("title", $"Sorting priority: {sort.Priority}");
                html.Raw('>');
                html.Text(sort.Priority);
                html.Raw("</span>");
            }
            html.Raw("<a class=\"admin-sort-toggle\"");
            html.Attribute("href", header.ToggleUrl);
            html.Raw(sort.Descending
                ? " title=\"Toggle sorting\"><span aria-hidden=\"true\">▼</span><span class=\"visually-hidden\">Toggle sorting (now descending)</span></a>"
                : " title=\"Toggle sorting\"><span aria-hidden=\"true\">▲</span><span class=\"visually-hidden\">Toggle sorting (now ascending)</span></a>");
            html.Raw("<a class=\"admin-sort-remove\"");
            html.Attribute("href", header.RemoveUrl);
            html.Raw(" title=\"Remove from sorting\"><span aria-hidden=\"true\">✕</span><span class=\"visually-hidden\">Remove from sorting</span></a></span>");
        }
        html.Raw("</th>");
    }

    private void Row(HtmlWriter html, ListRow row, int rowIndex)
    {
        html.Raw("<tr>");
        if (HasActions)
        {
            html.Raw("<td><input type=\"checkbox\" class=\"form-check-input action-select\" name=\"_selected_action\"");
            html.Attribute("value", row.Key);
            html.Raw(" aria-label=\"Select ");
            html.Text(row.Label);
            html.Raw("\" /></td>");
        }
        for (var cellIndex = 0; cellIndex < row.Cells.Count; cellIndex++)
        {
            var cell = row.Cells[cellIndex];
            html.Raw("<td>");
            if (cellIndex == 0 && list.HasEditableColumns)
            {
                html.Raw("<input type=\"hidden\" name=\"form-");
                html.Text(rowIndex);
                html.Raw("-id\"");
                html.Attribute("value", row.Key);
                html.Raw(" />");
            }
            if (cell.Editor is { } editor)
            {
                FieldHtml.Write(html, editor, compact: true, rowLabel: row.Label);
                // The value shown, which a save compares with the posted one (ModelAdminEngine.InitialName).
                html.Raw("<input type=\"hidden\" name=\"");
                html.Raw(ModelAdminEngine.InitialPrefix);
                html.Text(editor.Name);
                html.Raw('"');
                html.Attribute("value", cell.InitialValue);
                html.Raw(" />");
            }
            else if (cell.Url is not null)
            {
                html.Raw("<a");
                html.Attribute("href", cell.Url);
                html.Raw('>');
                Value(html, cell);
                html.Raw("</a>");
            }
            else
            {
                Value(html, cell);
            }
            html.Raw("</td>");
        }
        html.Raw("</tr>");
    }

    private static void Value(HtmlWriter html, ListCell cell)
    {
        if (cell.IsBooleanColumn) BooleanIcon(html, cell.Boolean);
        else html.Text(cell.Text);
    }

    /// <summary>Yes / No / Unknown as an icon, with the word for screen readers.</summary>
    private static void BooleanIcon(HtmlWriter html, bool? value) => html.Raw(value switch
    {
        true => "<span class=\"admin-boolean admin-boolean-yes\" title=\"Yes\"><span aria-hidden=\"true\">✔</span><span class=\"visually-hidden\">Yes</span></span>",
        false => "<span class=\"admin-boolean admin-boolean-no\" title=\"No\"><span aria-hidden=\"true\">✘</span><span class=\"visually-hidden\">No</span></span>",
        _ => "<span class=\"admin-boolean admin-boolean-unknown\" title=\"Unknown\"><span aria-hidden=\"true\">?</span><span class=\"visually-hidden\">Unknown</span></span>",
    });
}
