using AngleSharp.Html.Dom;

namespace WebApp.Tests.Site;

/// <summary>Reads the parts of the shared product list (<c>_ProductList</c>) that the tests check.</summary>
public static class ProductListHtml
{
    public static IReadOnlyList<string> Names(IHtmlDocument page) =>
        page.QuerySelectorAll("table.product-list tbody .product-name").Select(cell => cell.TextContent.Trim()).ToList();

    public static IReadOnlyList<string> Prices(IHtmlDocument page) =>
        page.QuerySelectorAll("table.product-list tbody .product-price").Select(cell => cell.TextContent.Trim()).ToList();

    public static string Count(IHtmlDocument page) =>
        page.QuerySelector(".result-count")?.TextContent.Trim() ?? throw new InvalidOperationException("No result count on the page");

    public static IReadOnlyList<string> Messages(IHtmlDocument page) =>
        page.QuerySelectorAll(".list-messages li").Select(item => item.TextContent.Trim()).ToList();

    public static string? CurrentPage(IHtmlDocument page) =>
        page.QuerySelector(".pager [aria-current=page]")?.TextContent.Replace("Page", "").Trim();

    /// <summary>The pager's numbered links: page text and address.</summary>
    public static IReadOnlyList<(string Page, string Href)> PageLinks(IHtmlDocument page) =>
        page.QuerySelectorAll(".pager a.page-link:not([rel])")
            .Select(link => (link.TextContent.Replace("Page", "").Trim(), link.GetAttribute("href")!))
            .ToList();
}
