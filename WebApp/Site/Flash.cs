using Microsoft.AspNetCore.Mvc.ViewFeatures;

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

    private static void Set(ITempDataDictionary tempData, string message, string kind)
    {
        tempData[MessageKey] = message;
        tempData[KindKey] = kind;
    }
}
