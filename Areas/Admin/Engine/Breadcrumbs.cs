namespace WebApp.Admin;

/// <summary>The trail of the model pages: Home › App › Models [› object] [› page].</summary>
internal static class Breadcrumbs
{
    /// <param name="changeListUrl">The changelist link, with the user's preserved filters when there are any.</param>
    public static IReadOnlyList<Breadcrumb> For(
        ModelAdmin admin, string? objectLabel = null, string? objectUrl = null, string? page = null, string? changeListUrl = null)
    {
        var crumbs = new List<Breadcrumb>
        {
            new("Home", AdminUrls.Root),
            new(Metadata.DisplayNames.AppName(admin.AppLabel), AdminUrls.App(admin.AppLabel)),
            new(Metadata.DisplayNames.Capitalize(admin.DisplayNamePlural), objectLabel is null && page is null ? null : changeListUrl ?? AdminUrls.ChangeList(admin)),
        };
        if (objectLabel is not null) crumbs.Add(new(objectLabel, page is null ? null : objectUrl));
        if (page is not null) crumbs.Add(new(page, null));
        return crumbs;
    }
}
