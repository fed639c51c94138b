namespace WebApp.Site;

/// <summary>One link of a pager; a gap ("…") has no page.</summary>
internal sealed record PagerItem(int? Page, string? Url, bool IsCurrent)
{
    public bool IsGap => Page is null;
}

/// <summary>
/// Page links for a long list: the first and last pages, the current page and two either side, with gaps between.
/// </summary>
internal sealed record Pager(int CurrentPage, int PageCount, string? PreviousUrl, string? NextUrl, IReadOnlyList<PagerItem> Items)
{
    public const int Neighbours = 2;

    public bool IsNeeded => PageCount > 1;

    public static Pager Create(int currentPage, int pageCount, Func<int, string> urlForPage)
    {
        pageCount = Math.Max(1, pageCount);
        currentPage = Math.Clamp(currentPage, 1, pageCount);

        var shown = new SortedSet<int> { 1, pageCount };
        for (var page = Math.Max(1, currentPage - Neighbours); page <= Math.Min(pageCount, currentPage + Neighbours); page++)
            shown.Add(page);

        var items = new List<PagerItem>();
        var previous = 0;
        foreach (var page in shown)
        {
            // A gap of exactly one page shows that page: "…" would take the same room and hide it.
            if (page - previous == 2)
                items.Add(Link(previous + 1));
            else if (page - previous > 2)
                items.Add(new PagerItem(null, null, false));
            items.Add(Link(page));
            previous = page;
        }

        return new Pager(
            currentPage,
            pageCount,
            currentPage > 1 ? urlForPage(currentPage - 1) : null,
            currentPage < pageCount ? urlForPage(currentPage + 1) : null,
            items);

        PagerItem Link(int page) => new(page, urlForPage(page), page == currentPage);
    }
}
