using System.Text.Encodings.Web;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;
using Microsoft.AspNetCore.Html;

namespace WebApp.Tests.Infrastructure;

/// <summary>Reads HTML responses the way a browser would, and fills forms with their antiforgery tokens.</summary>
public static class HtmlPages
{
    private static readonly HtmlParser Parser = new();

    /// <summary>What an HTML helper writes, encoded as a page writes it, read as a document.</summary>
    public static IHtmlDocument Parse(IHtmlContent content)
    {
        using var writer = new StringWriter();
        content.WriteTo(writer, HtmlEncoder.Default);
        return Parser.ParseDocument(writer.ToString());
    }

    public static async Task<IHtmlDocument> ReadHtmlAsync(this HttpResponseMessage response) =>
        await Parser.ParseDocumentAsync(await response.Content.ReadAsStringAsync());

    public static async Task<IHtmlDocument> GetHtmlAsync(this HttpClient client, string url)
    {
        using var response = await client.GetAsync(url);
        return await response.ReadHtmlAsync();
    }

    /// <summary>
    /// The page as the output cache serves it (a response from the cache carries an Age header): asked for once more
    /// if the first answer was rendered for the request; fails if the second was not cached either.
    /// </summary>
    public static async Task<IHtmlDocument> GetCachedHtmlAsync(this HttpClient client, string url)
    {
        using var first = await client.GetAsync(url);
        if (first.Headers.Age is not null) return await first.ReadHtmlAsync();
        using var second = await client.GetAsync(url);
        Xunit.Assert.True(second.Headers.Age is not null, $"{url} did not come from the cache");
        return await second.ReadHtmlAsync();
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
