using System.Text.Json;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.ViewFeatures;

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

    public static void Add(ITempDataDictionary tempData, string level, string text)
    {
        var messages = Peek(tempData);
        messages.Add(new AdminMessage(level, text));
        tempData[Key] = JsonSerializer.Serialize(messages);
    }

    public static List<AdminMessage> Take(ITempDataDictionary tempData)
    {
        var messages = tempData[Key] is string json ? JsonSerializer.Deserialize<List<AdminMessage>>(json) ?? [] : [];
        return messages;
    }

    private static List<AdminMessage> Peek(ITempDataDictionary tempData) =>
        tempData.Peek(Key) is string json ? JsonSerializer.Deserialize<List<AdminMessage>>(json) ?? [] : [];
}
