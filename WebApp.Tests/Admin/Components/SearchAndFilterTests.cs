using WebApp.Admin;
using WebApp.Admin.Components;
using WebApp.Tests.Infrastructure;

namespace WebApp.Tests.Admin.Components;

/// <summary>The changelist's search form and filter panel, as their HTML helpers write them.</summary>
public class SearchAndFilterTests
{
    [Fact]
    public void The_search_bar_keeps_filters_and_shows_the_result_line()
    {
        var search = new SearchBox("<b>shoe</b>", "/admin/catalog/product/", [new("IsActive", "1"), new("o", "2")], "2 results", "30", true, "/clear");

        var page = HtmlPages.Parse(new SearchBarHtml(search));

        Assert.Equal("get", page.QuerySelector("form")!.GetAttribute("method"));
        Assert.Equal("search", page.QuerySelector("form")!.GetAttribute("role"));
        Assert.Equal("<b>shoe</b>", page.QuerySelector("#searchbar")!.GetAttribute("value"));
        Assert.Equal("searchbar", page.QuerySelector("label")!.GetAttribute("for"));
        Assert.Equal([("IsActive", "1"), ("o", "2")], page.QuerySelectorAll("input[type=hidden]").Select(i => (i.GetAttribute("name"), i.GetAttribute("value"))));
        Assert.Equal("2 results (30 total)", page.QuerySelector("form span")!.TextContent);
        Assert.Equal("/clear", page.QuerySelector("form a")!.GetAttribute("href"));
        Assert.Empty(page.QuerySelectorAll("form b")); // the term stays text: no element was made of it
    }

    [Fact]
    public void Without_a_search_there_is_no_result_line()
    {
        var page = HtmlPages.Parse(new SearchBarHtml(new SearchBox(null, "/x/", [], "5 results", "5", false, "/x/")));

        Assert.DoesNotContain("results", page.Body!.InnerHtml);
        Assert.False(page.QuerySelector("#searchbar")!.HasAttribute("value"));
    }

    [Fact]
    public void The_filter_sidebar_lists_choices_marks_the_current_one_and_offers_clear_all()
    {
        FilterPanel[] panels =
        [
            new("Active", "IsActive", [new("All", "/all", false), new("Yes", "/yes", true), new("No", "/no", false)]),
            new("Stock level", "stock", [new("All", "/all", true), new("Out of stock", "/out", false)]),
        ];

        var page = HtmlPages.Parse(new FilterSidebarHtml(panels, "/clear"));

        Assert.Equal(["By active", "By stock level"], page.QuerySelectorAll("summary").Select(s => s.TextContent));
        Assert.Equal(["Yes", "All"], page.QuerySelectorAll("li.selected").Select(l => l.TextContent.Trim()));
        Assert.Equal(["true", "true"], page.QuerySelectorAll("li.selected a").Select(a => a.GetAttribute("aria-current")));
        Assert.Empty(page.QuerySelectorAll("li:not(.selected) a[aria-current]"));
        Assert.Equal("/clear", page.QuerySelectorAll("a").First().GetAttribute("href"));
    }

    [Fact]
    public void No_clear_all_link_without_a_filter()
    {
        var page = HtmlPages.Parse(new FilterSidebarHtml([new FilterPanel("Active", "IsActive", [new("All", "/", true)])], clearAllUrl: null));

        Assert.DoesNotContain("Clear all filters", page.Body!.TextContent);
    }

    [Fact]
    public void A_date_filter_is_a_get_form_keeping_the_other_parameters()
    {
        var range = new DateRangeForm("CreatedAt__gte", "2026-01-01", "CreatedAt__lt", null, "/admin/catalog/product/", [new("o", "-2"), new("q", "<i>")]);
        FilterPanel[] panels = [new("Created", "CreatedAt", [new("Any date", "/", true)]) { DateRange = range }];

        var page = HtmlPages.Parse(new FilterSidebarHtml(panels, clearAllUrl: null));

        var form = page.QuerySelector("form.admin-date-range")!;
        Assert.Equal(("get", "/admin/catalog/product/"), (form.GetAttribute("method"), form.GetAttribute("action")));
        Assert.Equal([("o", "-2"), ("q", "<i>")], form.QuerySelectorAll("input[type=hidden]").Select(i => (i.GetAttribute("name"), i.GetAttribute("value"))));
        Assert.Equal("2026-01-01", form.QuerySelector("input[name=CreatedAt__gte]")!.GetAttribute("value"));
        Assert.False(form.QuerySelector("input[name=CreatedAt__lt]")!.HasAttribute("value"));
        Assert.Empty(page.QuerySelectorAll("i"));
    }

    [Fact]
    public void An_autocomplete_filter_is_a_labelled_key_input_with_the_chosen_name()
    {
        var field = new FormFieldViewModel
        {
            Name = "CategoryId", Label = "Category", Widget = WidgetKind.Autocomplete, Value = "7",
            Options = [new SelectOption("7", "Shoes", true)],
            Related = new RelatedWidget { ModelName = "category", AutocompleteUrl = "/admin/autocomplete/?x=1", NumericKey = true },
        };
        FilterPanel[] panels = [new("Category", "CategoryId", [new("All", "/", false)]) { Autocomplete = new AutocompleteFilter(field, "/admin/catalog/product/", [new("o", "1")]) }];

        var page = HtmlPages.Parse(new FilterSidebarHtml(panels, clearAllUrl: "/"));

        var form = page.QuerySelector("form.admin-filter-autocomplete")!;
        Assert.Equal("filter_CategoryId", form.QuerySelector("label")!.GetAttribute("for"));
        var key = form.QuerySelector("input#filter_CategoryId")!;
        Assert.Equal(("CategoryId", "7", "number"), (key.GetAttribute("name"), key.GetAttribute("value"), key.GetAttribute("type")));
        Assert.Equal("Current: Shoes", form.QuerySelector("#filter_CategoryId-current")!.TextContent);
        Assert.Equal([("o", "1")], form.QuerySelectorAll("input[type=hidden]").Select(i => (i.GetAttribute("name"), i.GetAttribute("value"))));
    }
}
