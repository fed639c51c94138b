namespace WebApp.Admin;

/// <summary>The changelist's rows after filters and search: null query for an invalid filter value, or the disallowed parameter.</summary>
internal sealed record FilteredQuery<T>(IQueryable<T>? Query, bool Filtered, bool Searched, string? Disallowed);
