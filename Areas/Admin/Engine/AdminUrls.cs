using Microsoft.AspNetCore.WebUtilities;

namespace WebApp.Admin;

/// <summary>The admin's URLs (Django's scheme, trailing slashes), and the preserved-filters parameter.</summary>
internal static class AdminUrls
{
    public const string Root = "/admin/";

    /// <summary>The changelist's query string carried by add/change/delete links so the user lands back on the same page.</summary>
    public const string PreservedFiltersParameter = "_changelist_filters";

    /// <summary>Django's marker of a form opened in a popup from another form's "add another / change" link.</summary>
    public const string PopupParameter = "_popup";

    public static string App(string app) => $"{Root}{app}/";

    public static string ChangeList(ModelAdmin admin) => admin.ChangeListPath;

    public static string Add(ModelAdmin admin) => ChangeList(admin) + "add/";

    public static string Export(ModelAdmin admin) => ChangeList(admin) + "export/";

    public static string Change(ModelAdmin admin, string id) => $"{ChangeList(admin)}{Uri.EscapeDataString(id)}/change/";

    public static string Delete(ModelAdmin admin, string id) => $"{ChangeList(admin)}{Uri.EscapeDataString(id)}/delete/";

    public static string History(ModelAdmin admin, string id) => $"{ChangeList(admin)}{Uri.EscapeDataString(id)}/history/";

    /// <summary>Adds <c>_changelist_filters</c> to a URL when there is something to preserve.</summary>
    public static string WithPreservedFilters(string url, string preservedFilters) =>
        string.IsNullOrEmpty(preservedFilters) ? url : QueryHelpers.AddQueryString(url, PreservedFiltersParameter, preservedFilters);

    /// <summary>The changelist URL with its preserved query string restored.</summary>
    public static string ChangeListWithFilters(ModelAdmin admin, string preservedFilters) =>
        string.IsNullOrEmpty(preservedFilters) ? ChangeList(admin) : ChangeList(admin) + "?" + preservedFilters;

    /// <summary>A query string from name/value pairs, in the given order.</summary>
    public static string Query(IEnumerable<KeyValuePair<string, string>> parameters)
    {
        var query = new System.Text.StringBuilder();
        foreach (var (name, value) in parameters)
        {
            if (query.Length > 0) query.Append('&');
            query.Append(Uri.EscapeDataString(name)).Append('=').Append(Uri.EscapeDataString(value));
        }
        return query.ToString();
    }
}
