using WebApp.Admin;
using WebApp.Admin.Components;
using Bunit;

namespace WebApp.Tests.Admin.Components;

public class SearchAndFilterTests : BunitContext
{
    [Fact]
    public void The_search_bar_keeps_filters_and_shows_the_result_line()
    {
        var search = new SearchBox("<b>shoe</b>", "/admin/catalog/product/", [new("IsActive", "1"), new("o", "2")], "2 results", "30", true, "/clear");

        var cut = Render<SearchBar>(p => p.Add(c => c.Search, search));

        Assert.Equal("get", cut.Find("form").GetAttribute("method"));
        Assert.Equal("search", cut.Find("form").GetAttribute("role"));
        Assert.Equal("<b>shoe</b>", cut.Find("#searchbar").GetAttribute("value"));
        Assert.Equal("searchbar", cut.Find("label").GetAttribute("for"));
        Assert.Equal([("IsActive", "1"), ("o", "2")], cut.FindAll("input[type=hidden]").Select(i => (i.GetAttribute("name"), i.GetAttribute("value"))));
        Assert.Contains("2 results", cut.Markup);
        Assert.Equal("/clear", cut.Find("form a").GetAttribute("href"));
        Assert.Empty(cut.FindAll("b")); // the term stays text: no element was made of it
    }

    [Fact]
    public void Without_a_search_there_is_no_result_line()
    {
        var cut = Render<SearchBar>(p => p.Add(c => c.Search, new SearchBox(null, "/x/", [], "5 results", "5", false, "/x/")));

        Assert.DoesNotContain("results", cut.Markup);
    }

    [Fact]
    public void The_filter_sidebar_lists_choices_marks_the_current_one_and_offers_clear_all()
    {
        FilterPanel[] panels =
        [
            new("Active", "IsActive", [new("All", "/all", false), new("Yes", "/yes", true), new("No", "/no", false)]),
            new("Stock level", "stock", [new("All", "/all", true), new("Out of stock", "/out", false)]),
        ];

        var cut = Render<FilterSidebar>(p => p.Add(c => c.Panels, panels).Add(c => c.ClearAllUrl, "/clear"));

        Assert.Equal(["By active", "By stock level"], cut.FindAll("summary").Select(s => s.TextContent));
        Assert.Equal(["Yes", "All"], cut.FindAll("li.selected").Select(l => l.TextContent.Trim()));
        Assert.Equal("true", cut.FindAll("li.selected a")[0].GetAttribute("aria-current"));
        Assert.Equal("/clear", cut.FindAll("a").First().GetAttribute("href"));
    }

    [Fact]
    public void No_clear_all_link_without_a_filter()
    {
        var cut = Render<FilterSidebar>(p => p.Add(c => c.Panels, [new FilterPanel("Active", "IsActive", [new("All", "/", true)])]));

        Assert.DoesNotContain("Clear all filters", cut.Markup);
    }
}
