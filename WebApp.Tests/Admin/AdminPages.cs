using AngleSharp.Html.Dom;

namespace WebApp.Tests.Admin;

/// <summary>What a test reads off an admin page, for tests with and without <see cref="AdminTestBase"/>.</summary>
internal static class AdminPages
{
    /// <summary>The texts of a changelist's first column (the linked one) in order.</summary>
    public static List<string> FirstColumn(IHtmlDocument page) =>
        page.QuerySelectorAll("#result_list tbody tr").Select(r => r.QuerySelectorAll("td")[1].TextContent.Trim()).ToList();

    /// <summary>The choices of the filter whose heading names <paramref name="filter"/> ("category"), "All" first.</summary>
    public static List<string> FilterChoices(IHtmlDocument page, string filter) =>
        page.QuerySelectorAll(".admin-filters details")
            .Single(d => d.QuerySelector("summary")!.TextContent.Contains(filter, StringComparison.OrdinalIgnoreCase))
            .QuerySelectorAll("li").Select(l => l.TextContent.Trim()).ToList();
}
