using WebApp.Admin;
using WebApp.Admin.Components;
using WebApp.Catalog;
using Bunit;

namespace WebApp.Tests.Admin.Components;

public class ResultListTests : BunitContext
{
    private static ChangeListViewModel List(IReadOnlyList<ListRow> rows, bool actions = true, bool editable = false) => new()
    {
        Admin = new TagAdmin(),
        Title = "Select tag to change",
        Headers =
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

    [Fact]
    public void Headers_rows_links_and_boolean_icons_are_one_table_with_every_value_escaped()
    {
        ListRow[] rows =
        [
            new("7", "<script>x</script>", [new("<script>x</script>", null, false, "/admin/catalog/tag/7/change/"), new("Yes", true, true, null)]),
            new("8", "Plain", [new("Plain", null, false, "/admin/catalog/tag/8/change/"), new("No", false, true, null)]),
            new("9", "Unsure", [new("Unsure", null, false, null), new("Unknown", null, true, "/admin/catalog/tag/9/change/")]),
        ];

        var cut = Render<ResultList>(p => p.Add(c => c.List, List(rows)));

        Assert.Equal("Select tag to change", cut.Find("table#result_list caption").TextContent);
        Assert.Equal("Select all tags on this page", cut.Find("thead #action-toggle").GetAttribute("aria-label"));
        Assert.Equal(["Name <b>", "Active"], cut.FindAll("thead th[scope=col]").Skip(1).Select(th => th.QuerySelector("a, span")!.TextContent));
        Assert.Equal("ascending", cut.FindAll("thead th")[1].GetAttribute("aria-sort"));
        Assert.Equal(["7", "8", "9"], cut.FindAll("tbody input.action-select").Select(i => i.GetAttribute("value")));
        Assert.Equal("Select <script>x</script>", cut.Find("tbody input.action-select").GetAttribute("aria-label"));
        var link = cut.Find("tbody tr a");
        Assert.Equal(("/admin/catalog/tag/7/change/", "<script>x</script>"), (link.GetAttribute("href"), link.TextContent));
        Assert.Empty(cut.FindAll("script, b"));
        Assert.Equal(["yes", "no", "unknown"], cut.FindAll(".admin-boolean").Select(b => b.ClassList.Single(c => c.StartsWith("admin-boolean-", StringComparison.Ordinal))["admin-boolean-".Length..]));
        Assert.Equal(["Yes", "No", "Unknown"], cut.FindAll(".admin-boolean .visually-hidden").Select(s => s.TextContent));
        Assert.Equal("/admin/catalog/tag/9/change/", cut.Find("tbody tr:nth-child(3) a").GetAttribute("href"));
        Assert.Equal("Unsure", cut.Find("tbody tr:nth-child(3) td:nth-child(2)").TextContent.Trim());
        Assert.Empty(cut.FindAll("input[type=hidden]"));
    }

    [Fact]
    public void A_list_editable_cell_is_a_labelled_input_with_its_initial_value_and_the_row_key()
    {
        var editor = new FormFieldViewModel { Name = "form-0-Stock", Label = "Stock", Widget = WidgetKind.Number, Value = "12" };
        ListRow[] rows = [new("5", "Boot <i>", [new("Boot <i>", null, false, "/5/"), new("12", null, false, null) { Editor = editor, InitialValue = "12" }])];

        var cut = Render<ResultList>(p => p.Add(c => c.List, List(rows, actions: false, editable: true)));

        Assert.Empty(cut.FindAll("input[type=checkbox]"));
        Assert.Equal("5", cut.Find("input[type=hidden][name=form-0-id]").GetAttribute("value"));
        var input = cut.Find("input#id_form-0-Stock");
        Assert.Equal(("number", "form-0-Stock", "12"), (input.GetAttribute("type"), input.GetAttribute("name"), input.GetAttribute("value")));
        Assert.Equal("Stock of Boot <i>", cut.Find("label[for=id_form-0-Stock]").TextContent.Trim());
        Assert.Equal("12", cut.Find("input[type=hidden][name=initial-form-0-Stock]").GetAttribute("value"));
        Assert.Empty(cut.FindAll("i"));
    }
}
