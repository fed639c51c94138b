using AngleSharp.Html.Dom;

namespace WebApp.Tests.Infrastructure;

/// <summary>Forms as a browser submits them: every successful control's name and value, repeated names kept.</summary>
public static class HtmlForms
{
    /// <summary>The fields a browser would send for the form (checked boxes, selected options, text), without any button.</summary>
    public static List<KeyValuePair<string, string>> FormValues(this IHtmlDocument page, string formSelector)
    {
        var form = page.QuerySelector(formSelector) as IHtmlFormElement ?? throw new InvalidOperationException("No form " + formSelector);
        var values = new List<KeyValuePair<string, string>>();
        foreach (var element in form.Elements)
        {
            switch (element)
            {
                case IHtmlInputElement input when !string.IsNullOrEmpty(input.Name) && !input.IsDisabled:
                    if (input.Type is "submit" or "button" or "reset") break;
                    if (input.Type is "checkbox" or "radio" && !input.IsChecked) break;
                    values.Add(new(input.Name!, input.Value));
                    break;
                case IHtmlSelectElement select when !string.IsNullOrEmpty(select.Name):
                    foreach (var option in select.Options.Where(o => o.IsSelected)) values.Add(new(select.Name!, option.Value));
                    break;
                case IHtmlTextAreaElement area when !string.IsNullOrEmpty(area.Name):
                    values.Add(new(area.Name!, area.Value));
                    break;
            }
        }
        return values;
    }

    /// <summary>Replaces (or adds) a field's values.</summary>
    public static List<KeyValuePair<string, string>> With(this List<KeyValuePair<string, string>> values, string name, params string[] newValues)
    {
        values.RemoveAll(v => v.Key == name);
        values.AddRange(newValues.Select(v => new KeyValuePair<string, string>(name, v)));
        return values;
    }

    public static List<KeyValuePair<string, string>> Without(this List<KeyValuePair<string, string>> values, string name)
    {
        values.RemoveAll(v => v.Key == name);
        return values;
    }

    /// <summary>POSTs fields (names may repeat) with an antiforgery token taken from <paramref name="tokenPageUrl"/>.</summary>
    public static async Task<HttpResponseMessage> PostWithTokenAsync(
        this HttpClient client, string tokenPageUrl, string postUrl, IEnumerable<KeyValuePair<string, string>> fields)
    {
        var page = await client.GetHtmlAsync(tokenPageUrl);
        var values = fields.Where(f => f.Key != "__RequestVerificationToken").ToList();
        values.Add(new("__RequestVerificationToken", page.AntiforgeryToken()));
        return await client.PostAsync(postUrl, new FormUrlEncodedContent(values));
    }

    public static async Task<HttpResponseMessage> PostWithTokenAsync(
        this HttpClient client, string url, IEnumerable<KeyValuePair<string, string>> fields) =>
        await client.PostWithTokenAsync(url, url, fields);

    public static KeyValuePair<string, string> Field(string name, string value) => new(name, value);

    /// <summary>POSTs fields and one file as multipart/form-data, as a form with a file input does, with the page's antiforgery token.</summary>
    public static async Task<HttpResponseMessage> PostMultipartWithTokenAsync(
        this HttpClient client, string url, IEnumerable<KeyValuePair<string, string>> fields, string fileField, string fileName, byte[]? file)
    {
        var page = await client.GetHtmlAsync(url);
        var content = new MultipartFormDataContent();
        foreach (var (name, value) in fields.Where(f => f.Key != "__RequestVerificationToken"))
            content.Add(new StringContent(value), name);
        content.Add(new StringContent(page.AntiforgeryToken("form.admin-change-form, form")), "__RequestVerificationToken");
        // A browser sends an empty part with an empty file name for an empty file input.
        var part = new ByteArrayContent(file ?? []);
        part.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/octet-stream");
        part.Headers.ContentDisposition = new System.Net.Http.Headers.ContentDispositionHeaderValue("form-data")
        {
            Name = $"\"{fileField}\"",
            FileName = $"\"{(file is null ? "" : fileName)}\"",
        };
        content.Add(part);
        return await client.PostAsync(url, content);
    }
}
