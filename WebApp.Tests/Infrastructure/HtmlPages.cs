using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;

namespace WebApp.Tests.Infrastructure;

/// <summary>Reads HTML responses the way a browser would, and fills forms with their antiforgery tokens.</summary>
public static class HtmlPages
{
    private static readonly HtmlParser Parser = new();

    public static async Task<IHtmlDocument> ReadHtmlAsync(this HttpResponseMessage response) =>
        await Parser.ParseDocumentAsync(await response.Content.ReadAsStringAsync());

    public static async Task<IHtmlDocument> GetHtmlAsync(this HttpClient client, string url)
    {
        using var response = await client.GetAsync(url);
        return await response.ReadHtmlAsync();
    }

    /// <summary>The antiforgery token of the first form (or the form matching <paramref name="formSelector"/>).</summary>
    public static string AntiforgeryToken(this IHtmlDocument page, string formSelector = "form")
    {
        var input = page.QuerySelector($"{formSelector} input[name=__RequestVerificationToken]")
            ?? throw new InvalidOperationException("No antiforgery token in " + formSelector);
        return input.GetAttribute("value")!;
    }

    /// <summary>GETs a page with a form, then POSTs the given fields plus that form's antiforgery token.</summary>
    public static async Task<HttpResponseMessage> PostFormAsync(
        this HttpClient client, string formPageUrl, IDictionary<string, string> fields, string? postUrl = null, string formSelector = "form")
    {
        var page = await client.GetHtmlAsync(formPageUrl);
        var values = new Dictionary<string, string>(fields) { ["__RequestVerificationToken"] = page.AntiforgeryToken(formSelector) };
        return await client.PostAsync(postUrl ?? formPageUrl, new FormUrlEncodedContent(values));
    }
}
