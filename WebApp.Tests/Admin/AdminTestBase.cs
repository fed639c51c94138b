using AngleSharp.Html.Dom;
using WebApp.Tests.Infrastructure;

namespace WebApp.Tests.Admin;

/// <summary>A fresh app and database per test, with helpers to sign in and read admin pages.</summary>
public abstract class AdminTestBase : IDisposable
{
    protected WebAppFactory Factory { get; } = new();

    public void Dispose()
    {
        Factory.Dispose();
        GC.SuppressFinalize(this);
    }

    protected Task<HttpClient> SuperuserAsync(string email = "root@example.com") =>
        Factory.LoggedInClientAsync(email, staff: true, superuser: true);

    protected Task<HttpClient> StaffAsync(string email, params string[] permissions) =>
        Factory.LoggedInClientAsync(email, staff: true, superuser: false, permissions);

    protected static async Task<(HttpResponseMessage Response, IHtmlDocument Page)> GetAsync(HttpClient client, string url)
    {
        var response = await client.GetAsync(url);
        return (response, await response.ReadHtmlAsync());
    }

    /// <summary>The texts of a changelist's first column (the linked one) in order.</summary>
    protected static List<string> FirstColumn(IHtmlDocument page) => AdminPages.FirstColumn(page);

    /// <summary>An element's text with runs of whitespace collapsed, as a reader sees it.</summary>
    protected static string Text(AngleSharp.Dom.IElement element) =>
        System.Text.RegularExpressions.Regex.Replace(element.TextContent, @"\s+", " ").Trim();

    protected static List<string> Messages(IHtmlDocument page) =>
        page.QuerySelectorAll(".admin-messages li").Select(m => m.TextContent.Trim()).ToList();

    protected static string Location(HttpResponseMessage response) =>
        response.Headers.Location?.OriginalString ?? throw new InvalidOperationException($"No redirect: {(int)response.StatusCode}");
}
