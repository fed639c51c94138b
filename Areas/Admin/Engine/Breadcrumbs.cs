namespace WebApp.Admin;

/// <summary>The trail of the model pages: Home › App › Models [› object] [› page].</summary>
internal static class Breadcrumbs
{
    public static IReadOnlyList<Breadcrumb> For(ModelAdmin admin, string? objectLabel = null, string? objectUrl = null, string? page = null)
    {
        var crumbs = new List<Breadcrumb>
        {
            new("Home", AdminUrls.Root),
            new(Metadata.DisplayNames.AppName(admin.AppLabel), AdminUrls.App(admin.AppLabel)),
            new(Capitalize(admin.DisplayNamePlural), objectLabel is null && page is null ? null : AdminUrls.ChangeList(admin)),
        };
        if (objectLabel is not null) crumbs.Add(new(objectLabel, page is null ? null : objectUrl));
        if (page is not null) crumbs.Add(new(page, null));
        return crumbs;
    }

    public static string Capitalize(string text) => text.Length == 0 ? text : char.ToUpperInvariant(text[0]) + text[1..];
}
