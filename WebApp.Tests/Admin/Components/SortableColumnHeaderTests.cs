using WebApp.Admin;
using WebApp.Admin.Components;
using Bunit;

namespace WebApp.Tests.Admin.Components;

public class SortableColumnHeaderTests : BunitContext
{
    [Fact]
    public void An_unsortable_column_is_plain_text()
    {
        var cut = Render<SortableColumnHeader>(p => p.Add(c => c.Header, new ColumnHeader("Total <b>", false, null, false, null, null, null, false)));

        Assert.Empty(cut.FindAll("a"));
        Assert.Equal("Total <b>", cut.Find("th").TextContent.Trim());
        Assert.Contains("Total &lt;b&gt;", cut.Markup);
        Assert.Equal("col", cut.Find("th").GetAttribute("scope"));
    }

    [Fact]
    public void A_sorted_column_shows_direction_priority_toggle_and_remove()
    {
        var header = new ColumnHeader("Price", true, new SortState(2, true), true, "/primary", "/toggle", "/remove", false);

        var cut = Render<SortableColumnHeader>(p => p.Add(c => c.Header, header));

        Assert.Equal("descending", cut.Find("th").GetAttribute("aria-sort"));
        Assert.Equal("/primary", cut.Find(".admin-sort-primary").GetAttribute("href"));
        Assert.Equal("2", cut.Find(".admin-sort-priority").TextContent);
        Assert.Equal("/toggle", cut.Find(".admin-sort-toggle").GetAttribute("href"));
        Assert.Contains("descending", cut.Find(".admin-sort-toggle .visually-hidden").TextContent);
        Assert.Equal("/remove", cut.Find(".admin-sort-remove").GetAttribute("href"));
    }

    [Fact]
    public void A_sortable_unsorted_column_only_links_to_sort()
    {
        var cut = Render<SortableColumnHeader>(p => p.Add(c => c.Header, new ColumnHeader("Name", true, null, false, "/sort", null, null, false)));

        Assert.Equal(["/sort"], cut.FindAll("a").Select(a => a.GetAttribute("href")));
        Assert.Null(cut.Find("th").GetAttribute("aria-sort"));
    }
}
