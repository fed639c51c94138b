using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.Extensions.Options;

namespace WebApp.Site;

/// <summary>A one-time message shown on the next page after a redirect (Post/Redirect/Get).</summary>
public static class Flash
{
    public const string MessageKey = "Flash.Message";
    public const string KindKey = "Flash.Kind";

    public static void Success(ITempDataDictionary tempData, string message) => Set(tempData, message, "success");

    public static void Error(ITempDataDictionary tempData, string message) => Set(tempData, message, "danger");

    public static void Show(ITempDataDictionary tempData, bool succeeded, string message) =>
        Set(tempData, message, succeeded ? "success" : "danger");

    /// <summary>
    /// Whether the request brings the TempData cookie, where one-time messages wait. Pages read TempData only then:
    /// reading it otherwise answers with a Set-Cookie that deletes a cookie the browser does not have (and keeps a
    /// catalog page out of the output cache).
    /// </summary>
    public static bool Pending(HttpContext http) =>
        http.Request.Cookies.ContainsKey(http.RequestServices.GetRequiredService<IOptions<CookieTempDataProviderOptions>>().Value.Cookie.Name!);

    private static void Set(ITempDataDictionary tempData, string message, string kind)
    {
        tempData[MessageKey] = message;
        tempData[KindKey] = kind;
    }
}
