using WebApp.Site;

namespace WebApp.Tests.Site;

public class PagerTests
{
    [Theory]
    [InlineData(1, 1, "[1]")]
    [InlineData(1, 3, "[1] 2 3")]
    [InlineData(1, 20, "[1] 2 3 … 20")]
    [InlineData(4, 20, "1 2 3 [4] 5 6 … 20")] // a one-page gap shows the page instead of "…"
    [InlineData(5, 20, "1 2 3 4 [5] 6 7 … 20")]
    [InlineData(10, 20, "1 … 8 9 [10] 11 12 … 20")]
    [InlineData(20, 20, "1 … 18 19 [20]")]
    [InlineData(99, 20, "1 … 18 19 [20]")] // out of range: the last page
    public void Shows_first_last_and_two_either_side_of_the_current_page(int current, int count, string expected)
    {
        var pager = Pager.Create(current, count, page => $"/list?page={page}");

        var shown = pager.Items.Select(item => item.IsGap ? "…" : item.IsCurrent ? $"[{item.Page}]" : $"{item.Page}");
        Assert.Equal(expected, string.Join(' ', shown));
        Assert.All(pager.Items.Where(item => !item.IsGap), item => Assert.Equal($"/list?page={item.Page}", item.Url));
    }

    [Fact]
    public void Links_to_the_previous_and_next_pages_when_there_are_some()
    {
        var middle = Pager.Create(2, 3, page => $"p{page}");
        Assert.Equal("p1", middle.PreviousUrl);
        Assert.Equal("p3", middle.NextUrl);

        var first = Pager.Create(1, 3, page => $"p{page}");
        Assert.Null(first.PreviousUrl);

        var only = Pager.Create(1, 1, page => $"p{page}");
        Assert.False(only.IsNeeded);
        Assert.Null(only.NextUrl);
    }
}
