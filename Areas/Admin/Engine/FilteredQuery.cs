namespace WebApp.Admin;

/// <summary>
/// The changelist's rows after filters and search: null query for an invalid filter value, or the disallowed parameter.
/// The date hierarchy's selection is kept (when the admin has one) for the page's drill-down links.
/// </summary>
internal sealed record FilteredQuery<T>(IQueryable<T>? Query, bool Filtered, bool Searched, string? Disallowed) where T : class
{
    public DateHierarchy<T>.Selection? DateSelection { get; init; }
}
