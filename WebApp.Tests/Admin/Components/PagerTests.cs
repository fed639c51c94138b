using WebApp.Admin;
using WebApp.Admin.Components;
using WebApp.Tests.Infrastructure;

namespace WebApp.Tests.Admin.Components;

public class PagerTests
{
    [Fact]
    public void Renders_page_links_gaps_the_current_page_and_the_count()
    {
        var pagination = new Pagination(3, 40,
            [new(1, "/p1", false), new(null, null, false), new(3, null, true), new(4, "/p4", false)], null, false, "4,000 products");

        var page = HtmlPages.Parse(new PagerHtml(pagination));

        Assert.Equal(["1", "…", "3", "4"], page.QuerySelectorAll(".page-item").Select(i => i.TextContent.Trim()));
        Assert.Equal("page", page.QuerySelector(".page-item.active")!.GetAttribute("aria-current"));
        Assert.Equal("/p4", page.QuerySelectorAll("a.page-link").Last().GetAttribute("href"));
        Assert.Empty(page.QuerySelectorAll(".page-item.active a"));
        Assert.Equal("4,000 products", page.QuerySelector(".admin-result-count")!.TextContent);
        Assert.Empty(page.QuerySelectorAll(".admin-show-all, .admin-full-count"));
    }

    [Fact]
    public void Offers_show_all_when_allowed_and_no_links_for_one_page()
    {
        var page = HtmlPages.Parse(new PagerHtml(new Pagination(1, 1, [], "/all", false, "3 tags")));

        Assert.Empty(page.QuerySelectorAll(".pagination"));
        Assert.Equal("/all", page.QuerySelector(".admin-show-all")!.GetAttribute("href"));
        Assert.Equal("Pages", page.QuerySelector("nav")!.GetAttribute("aria-label"));
    }

    [Fact]
    public void An_estimated_count_offers_the_exact_count()
    {
        var pagination = new Pagination(1, 2, [new(1, null, true), new(2, "/p2", false)], null, false, "about 1,000,000 products")
        {
            FullCountUrl = "/?_full_count=1&x=<y>",
        };

        var page = HtmlPages.Parse(new PagerHtml(pagination));

        Assert.Equal(("/?_full_count=1&x=<y>", "Show the exact count"),
            (page.QuerySelector(".admin-full-count")!.GetAttribute("href"), page.QuerySelector(".admin-full-count")!.TextContent));
    }
}
