using Microsoft.Playwright;

namespace WebApp.Tests.Infrastructure;

/// <summary>
/// One headless Debian Chromium for a test collection, driven by Playwright (Playwright's own browser download
/// cannot work on this network). test.sh installs the package; WEBAPP_CHROMIUM overrides the path.
/// </summary>
public sealed class BrowserFixture : IAsyncLifetime
{
    public static string ChromiumPath =>
        Environment.GetEnvironmentVariable("WEBAPP_CHROMIUM") is { Length: > 0 } path ? path : "/usr/bin/chromium";

    private IPlaywright? _playwright;
    public IBrowser Browser { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        if (!File.Exists(ChromiumPath))
            throw new InvalidOperationException($"Chromium not found at {ChromiumPath}: run ./test.sh (it installs the Debian package 'chromium').");
        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-background-networking",
                    "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic"],
        });
    }

    public async Task DisposeAsync()
    {
        if (Browser is not null) await Browser.CloseAsync();
        _playwright?.Dispose();
    }

    /// <summary>A fresh browser context (its own cookies) with a page at the given base URL, optionally phone-sized.</summary>
    public async Task<IPage> NewPageAsync(string baseUrl, int? phoneWidth = null, bool javaScript = true)
    {
        var options = new BrowserNewContextOptions { BaseURL = baseUrl, Locale = "en-US", JavaScriptEnabled = javaScript };
        if (phoneWidth is { } width)
        {
            options.ViewportSize = new ViewportSize { Width = width, Height = 800 };
            options.IsMobile = true;
            options.HasTouch = true;
            options.DeviceScaleFactor = 2;
        }
        var context = await Browser.NewContextAsync(options);
        context.SetDefaultTimeout(15_000);
        return await context.NewPageAsync();
    }
}

[CollectionDefinition(Name)]
public sealed class BrowserCollection : ICollectionFixture<BrowserFixture>
{
    public const string Name = "Browser";
}
