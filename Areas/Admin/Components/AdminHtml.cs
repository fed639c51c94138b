using Microsoft.AspNetCore.Html;
using Microsoft.AspNetCore.Mvc.Rendering;

namespace WebApp.Admin.Components;

/// <summary>
/// The changelist's parts as HTML helpers: <c>@Html.ResultList(Model)</c> and the others. Each writes straight to the
/// response: a page holds a hundred rows of seven cells, and a component per part or cell costs several times its markup.
/// </summary>
public static class AdminHtml
{
    public static IHtmlContent ResultList(this IHtmlHelper html, ChangeListViewModel list) => new ResultListHtml(list);

    public static IHtmlContent SearchBar(this IHtmlHelper html, SearchBox search) => new SearchBarHtml(search);

    public static IHtmlContent Pager(this IHtmlHelper html, Pagination pagination) => new PagerHtml(pagination);

    public static IHtmlContent FilterSidebar(this IHtmlHelper html, IReadOnlyList<FilterPanel> panels, string? clearAllUrl) =>
        new FilterSidebarHtml(panels, clearAllUrl);
}
