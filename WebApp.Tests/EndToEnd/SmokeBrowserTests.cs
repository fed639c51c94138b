using WebApp.Tests.Infrastructure;

namespace WebApp.Tests.EndToEnd;

[Collection(BrowserCollection.Name)]
public sealed class SmokeBrowserTests(BrowserFixture browser) : IDisposable
{
    private readonly LiveServerFactory _server = new();

    public void Dispose() => _server.Dispose();

    [Fact]
    public async Task Home_page_renders_in_chromium()
    {
        var page = await browser.NewPageAsync(_server.Start());
        var response = await page.GotoAsync("/");
        Assert.Equal(200, response!.Status);
        Assert.Contains("WebApp", await page.TitleAsync());
    }
}
