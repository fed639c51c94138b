using WebApp.Admin;
using WebApp.Admin.Components;
using WebApp.Catalog;
using WebApp.Tests.Infrastructure;

namespace WebApp.Tests.Admin.Components;

/// <summary>The changelist's table as <see cref="ResultListHtml"/> writes it.</summary>
public class ResultListTests
{
    private static ChangeListViewModel List(IReadOnlyList<ListRow> rows, bool actions = true, bool editable = false, IReadOnlyList<ColumnHeader>? headers = null) => new()
    {
        Admin = new TagAdmin(),
        Title = "Select tag to change",
        Headers = headers ??
        [
            new ColumnHeader("Name <b>", true, new SortState(1, false), false, "/?o=-0", "/?o=-0", "/", false),
            new ColumnHeader("Active", false, null, false, null, null, null, true),
        ],
        Rows = rows,
        Search = null,
        Filters = [],
        ClearFiltersUrl = null,
        Pagination = new Pagination(1, 1, [], null, false, "1 tag"),
        Actions = actions ? [new ActionChoice("delete_selected", "Delete selected tags")] : [],
        AddUrl = null,
        ExportUrl = "/export/",
        PreservedFilters = "",
        FormActionUrl = "/",
        ResultCount = rows.Count,
        ResultCountText = rows.Count.ToString(System.Globalization.CultureInfo.InvariantCulture),
        HasEditableColumns = editable,
    };

    private static AngleSharp.Html.Dom.IHtmlDocument Render(ChangeListViewModel list) => HtmlPages.Parse(new ResultListHtml(list));

    [Fact]
    public void Headers_rows_links_and_boolean_icons_are_one_table_with_every_value_escaped()
    {
        ListRow[] rows =
        [
            new("7", "<script>x</script>", [new("<script>x</script>", null, false, "/admin/catalog/tag/7/change/"), new("Yes", true, true, null)]),
            new("8", "Plain", [new("Plain", null, false, "/admin/catalog/tag/8/change/"), new("No", false, true, null)]),
            new("9", "Unsure", [new("Unsure", null, false, null), new("Unknown", null, true, "/admin/catalog/tag/9/change/")]),
        ];

        var page = Render(List(rows));

        Assert.Equal("Select tag to change", page.QuerySelector("table#result_list caption")!.TextContent);
        Assert.Equal("Select all tags on this page", page.QuerySelector("thead #action-toggle")!.GetAttribute("aria-label"));
        Assert.Equal(["Name <b>", "Active"], page.QuerySelectorAll("thead th[scope=col]").Skip(1).Select(th => th.QuerySelector("a, span")!.TextContent));
        Assert.Equal("ascending", page.QuerySelectorAll("thead th")[1].GetAttribute("aria-sort"));
        Assert.Equal(["7", "8", "9"], page.QuerySelectorAll("tbody input.action-select").Select(i => i.GetAttribute("value")));
        Assert.Equal("Select <script>x</script>", page.QuerySelector("tbody input.action-select")!.GetAttribute("aria-label"));
        var link = page.QuerySelector("tbody tr a")!;
        Assert.Equal(("/admin/catalog/tag/7/change/", "<script>x</script>"), (link.GetAttribute("href"), link.TextContent));
        Assert.Empty(page.QuerySelectorAll("tbody script, thead b"));
        Assert.Equal(["yes", "no", "unknown"], page.QuerySelectorAll(".admin-boolean").Select(b => b.ClassList.Single(c => c.StartsWith("admin-boolean-", StringComparison.Ordinal))["admin-boolean-".Length..]));
        Assert.Equal(["Yes", "No", "Unknown"], page.QuerySelectorAll(".admin-boolean .visually-hidden").Select(s => s.TextContent));
        Assert.Equal(["Yes", "No", "Unknown"], page.QuerySelectorAll(".admin-boolean").Select(s => s.GetAttribute("title")));
        Assert.Equal(["✔", "✘", "?"], page.QuerySelectorAll(".admin-boolean [aria-hidden=true]").Select(s => s.TextContent));
        Assert.Equal("/admin/catalog/tag/9/change/", page.QuerySelector("tbody tr:nth-child(3) a")!.GetAttribute("href"));
        Assert.Equal("Unsure", page.QuerySelector("tbody tr:nth-child(3) td:nth-child(2)")!.TextContent.Trim());
        Assert.Empty(page.QuerySelectorAll("input[type=hidden]"));
    }

    [Fact]
    public void A_list_editable_cell_is_a_labelled_input_with_its_initial_value_and_the_row_key()
    {
        var editor = new FormFieldViewModel { Name = "form-0-Stock", Label = "Stock", Widget = WidgetKind.Number, Value = "12", Required = true, Min = "0" };
        ListRow[] rows = [new("5", "Boot <i>", [new("Boot <i>", null, false, "/5/"), new("12", null, false, null) { Editor = editor, InitialValue = "12" }])];

        var page = Render(List(rows, actions: false, editable: true));

        Assert.Empty(page.QuerySelectorAll("input[type=checkbox]"));
        Assert.Equal("5", page.QuerySelector("input[type=hidden][name=form-0-id]")!.GetAttribute("value"));
        var input = page.QuerySelector("input#id_form-0-Stock")!;
        Assert.Equal(("number", "form-0-Stock", "12", "0"), (input.GetAttribute("type"), input.GetAttribute("name"), input.GetAttribute("value"), input.GetAttribute("min")));
        Assert.True(input.HasAttribute("required"));
        Assert.Contains("form-control-sm", input.ClassList);
        var label = page.QuerySelector("label[for=id_form-0-Stock]")!;
        Assert.Equal(("Stock of Boot <i>", true), (label.TextContent.Trim(), label.ClassList.Contains("visually-hidden")));
        Assert.Equal("12", page.QuerySelector("input[type=hidden][name=initial-form-0-Stock]")!.GetAttribute("value"));
        Assert.Empty(page.QuerySelectorAll("i, .form-text"));
    }

    [Fact]
    public void A_list_editable_cell_shows_its_errors_beside_the_input()
    {
        var editor = new FormFieldViewModel { Name = "form-0-Stock", Label = "Stock", Widget = WidgetKind.Number, Value = "-1" };
        editor.Errors.Add("Ensure this value is greater than or equal to 0 <now>.");
        ListRow[] rows = [new("5", "Boot", [new("Boot", null, false, "/5/"), new("3", null, false, null) { Editor = editor, InitialValue = "3" }])];

        var page = Render(List(rows, actions: false, editable: true));

        var input = page.QuerySelector("input#id_form-0-Stock")!;
        Assert.Equal(("-1", "id_form-0-Stock-errors"), (input.GetAttribute("value"), input.GetAttribute("aria-describedby")));
        Assert.Contains("is-invalid", input.ClassList);
        Assert.Equal(["Ensure this value is greater than or equal to 0 <now>."], page.QuerySelectorAll("#id_form-0-Stock-errors li").Select(li => li.TextContent));
        Assert.Contains("has-errors", page.QuerySelector(".admin-field")!.ClassList);
    }

    [Fact]
    public void An_unsortable_column_is_plain_text()
    {
        var page = Render(List([], headers: [new ColumnHeader("Total <b>", false, null, false, null, null, null, false)]));

        var header = page.QuerySelectorAll("thead th")[1];
        Assert.Empty(header.QuerySelectorAll("a, b"));
        Assert.Equal("Total <b>", header.TextContent.Trim());
        Assert.Equal("col", header.GetAttribute("scope"));
        Assert.Null(header.GetAttribute("aria-sort"));
    }

    [Fact]
    public void A_sorted_column_shows_direction_priority_toggle_and_remove()
    {
        var page = Render(List([], headers: [new ColumnHeader("Price", true, new SortState(2, true), true, "/primary", "/toggle", "/remove", false)]));

        var header = page.QuerySelectorAll("thead th")[1];
        Assert.Equal(("descending", "sorted"), (header.GetAttribute("aria-sort"), header.ClassName));
        Assert.Equal("/primary", header.QuerySelector(".admin-sort-primary")!.GetAttribute("href"));
        Assert.Equal(("2", "Sorting priority: 2"), (header.QuerySelector(".admin-sort-priority")!.TextContent, header.QuerySelector(".admin-sort-priority")!.GetAttribute("title")));
        Assert.Equal("/toggle", header.QuerySelector(".admin-sort-toggle")!.GetAttribute("href"));
        Assert.Equal("Toggle sorting (now descending)", header.QuerySelector(".admin-sort-toggle .visually-hidden")!.TextContent);
        Assert.Equal("/remove", header.QuerySelector(".admin-sort-remove")!.GetAttribute("href"));
    }

    [Fact]
    public void A_sortable_unsorted_column_only_links_to_sort()
    {
        var page = Render(List([], actions: false, headers: [new ColumnHeader("Name", true, null, false, "/sort", null, null, false)]));

        Assert.Equal(["/sort"], page.QuerySelectorAll("thead a").Select(a => a.GetAttribute("href")));
        Assert.Null(page.QuerySelector("thead th")!.GetAttribute("aria-sort"));
        Assert.Empty(page.QuerySelectorAll("#action-toggle"));
    }
}
