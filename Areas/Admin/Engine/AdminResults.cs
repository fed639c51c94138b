using System.Text.Json;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using WebApp.Site;

namespace WebApp.Admin;

/// <summary>Admin views returned from filters (before a controller exists) with a status code.</summary>
internal static class AdminResults
{
    public static ViewResult View(HttpContext http, string viewName, int statusCode, object? model = null)
    {
        var metadata = http.RequestServices.GetRequiredService<IModelMetadataProvider>();
        var tempData = http.RequestServices.GetRequiredService<ITempDataDictionaryFactory>().GetTempData(http);
        return new ViewResult
        {
            ViewName = $"~/Areas/Admin/Views/Shared/{viewName}.cshtml",
            StatusCode = statusCode,
            ViewData = new ViewDataDictionary(metadata, new ModelStateDictionary()) { Model = model },
            TempData = tempData,
        };
    }
}

/// <summary>Success and error messages shown once on the next page (Django's messages), kept in TempData.</summary>
internal static class AdminMessages
{
    private const string Key = "admin.messages";

    public const string Success = "success";
    public const string Warning = "warning";
    public const string Error = "error";

    public static void Add(HttpContext http, ITempDataDictionary tempData, string level, string text)
    {
        var messages = Peek(tempData);
        messages.Add(new AdminMessage(level, text));
        tempData[Key] = JsonSerializer.Serialize(messages);
        http.Items[Key] = true;
    }

    /// <summary>
    /// The messages for this page: those a redirect brought (the TempData cookie) or this request added. TempData is
    /// not read otherwise, so a page without messages sets no cookie (<see cref="Flash.Pending"/>).
    /// </summary>
    public static List<AdminMessage> Take(HttpContext http, ITempDataDictionary tempData) =>
        (Flash.Pending(http) || http.Items.ContainsKey(Key)) && tempData[Key] is string json
            ? JsonSerializer.Deserialize<List<AdminMessage>>(json) ?? []
            : [];

    private static List<AdminMessage> Peek(ITempDataDictionary tempData) =>
        tempData.Peek(Key) is string json ? JsonSerializer.Deserialize<List<AdminMessage>>(json) ?? [] : [];
}
