using System.Net;
using Microsoft.EntityFrameworkCore;
using WebApp.Tests.Infrastructure;

namespace WebApp.Tests.Site;

public class ErrorPageTests : IDisposable
{
    private readonly WebAppFactory _factory = new();

    public void Dispose() => _factory.Dispose();

    [Theory]
    [InlineData("/no/such/page")]
    [InlineData("/Error/404")]
    public async Task Not_found_is_a_friendly_page_with_status_404(string url)
    {
        using var response = await _factory.CreateClient().GetAsync(url);
        var page = await response.ReadHtmlAsync();

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("Page not found", page.QuerySelector("main h1")!.TextContent.Trim());
        Assert.NotNull(page.QuerySelector("main a[href='/']"));
        Assert.StartsWith("Page not found", page.Title);
    }

    [Fact]
    public async Task A_post_to_a_missing_page_gets_the_same_friendly_404()
    {
        using var response = await _factory.CreateClient().PostAsync("/no/such/page", new FormUrlEncodedContent([]));
        var page = await response.ReadHtmlAsync();

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("Page not found", page.QuerySelector("main h1")!.TextContent.Trim());
    }

    [Fact]
    public async Task A_server_error_is_a_generic_page_without_details()
    {
        var client = _factory.CreateClient();
        // A broken database is a real way for a page to fail.
        await _factory.WithDbAsync(db => db.Database.ExecuteSqlRawAsync("ALTER TABLE \"Products\" RENAME TO \"ProductsGone\""));

        using var response = await client.GetAsync("/products");
        var html = await response.Content.ReadAsStringAsync();
        var page = await response.ReadHtmlAsync();

        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        Assert.Equal("Something went wrong", page.QuerySelector("main h1")!.TextContent.Trim());
        Assert.NotNull(page.QuerySelector("main code"));
        Assert.DoesNotContain("Exception", html);
        Assert.DoesNotContain("ProductsGone", html);
        Assert.DoesNotContain(" at WebApp", html);
    }
}
