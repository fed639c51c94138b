using WebApp.Admin;
using WebApp.Admin.Components;
using Bunit;

namespace WebApp.Tests.Admin.Components;

public class PagerTests : BunitContext
{
    [Fact]
    public void Renders_page_links_gaps_the_current_page_and_the_count()
    {
        var pagination = new Pagination(3, 40,
            [new(1, "/p1", false), new(null, null, false), new(3, null, true), new(4, "/p4", false)], null, false, "4,000 products");

        var cut = Render<Pager>(p => p.Add(c => c.Pagination, pagination));

        Assert.Equal(["1", "…", "3", "4"], cut.FindAll(".page-item").Select(i => i.TextContent.Trim()));
        Assert.Equal("page", cut.Find(".page-item.active").GetAttribute("aria-current"));
        Assert.Equal("/p4", cut.FindAll("a.page-link").Last().GetAttribute("href"));
        Assert.Empty(cut.FindAll(".page-item.active a"));
        Assert.Equal("4,000 products", cut.Find(".admin-result-count").TextContent);
        Assert.Empty(cut.FindAll(".admin-show-all"));
    }

    [Fact]
    public void Offers_show_all_when_allowed_and_no_links_for_one_page()
    {
        var cut = Render<Pager>(p => p.Add(c => c.Pagination, new Pagination(1, 1, [], "/all", false, "3 tags")));

        Assert.Empty(cut.FindAll(".pagination"));
        Assert.Equal("/all", cut.Find(".admin-show-all").GetAttribute("href"));
        Assert.Equal("Pages", cut.Find("nav").GetAttribute("aria-label"));
    }
}
