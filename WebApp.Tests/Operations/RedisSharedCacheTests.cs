using System.Net;
using System.Net.Sockets;
using Microsoft.AspNetCore.Hosting;
using WebApp.Tests.Infrastructure;
using WebApp.Tests.Shop;

namespace WebApp.Tests.Operations;

/// <summary>
/// Two instances of the app on one database and one Redis (the server ./test.sh starts): the catalog pages' output cache
/// lives in Redis, so a change made through one instance evicts the pages every instance serves. Needs WEBAPP_TEST_REDIS.
/// </summary>
public sealed class RedisSharedCacheTests
{
    [Fact]
    public async Task A_product_renamed_through_one_instance_is_shown_renamed_by_the_other()
    {
        var settings = TestRedis.Settings($"webapp-test-{Guid.NewGuid():N}:");
        using var first = new RedisShopFactory(settings);
        using var second = new RedisShopFactory(settings) { SharedDatabase = first.Database };
        var product = await first.CreateProductAsync(name: "Shared Kettle " + ShopData.Unique());
        var visitor = first.CreateShopClient();
        var url = $"/products/{product.Slug}";
        Assert.Equal(product.Name, (await visitor.GetCachedHtmlAsync(url)).QuerySelector("#product-name")!.TextContent);

        second.EnsureMigrated();
        await second.SetProductAsync(product.Id, p => p.Name = "Renamed Shared Kettle");

        using var after = await visitor.GetAsync(url);
        Assert.Null(after.Headers.Age);
        Assert.Equal("Renamed Shared Kettle", (await after.ReadHtmlAsync()).QuerySelector("#product-name")!.TextContent);
        using var ready = await second.CreateClient().GetAsync("/readyz");
        Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
    }

    [Fact]
    public async Task Readyz_is_unavailable_while_the_configured_Redis_cannot_be_reached()
    {
        _ = TestRedis.Configuration;
        using var factory = new RedisShopFactory(new() { ["Redis:Configuration"] = $"127.0.0.1:{ClosedPort()},connectTimeout=500" });
        var client = factory.CreateClient();

        using var ready = await client.GetAsync("/readyz");
        using var live = await client.GetAsync("/healthz");

        Assert.Equal(HttpStatusCode.ServiceUnavailable, ready.StatusCode);
        Assert.Equal("Unhealthy", await ready.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.OK, live.StatusCode);
    }

    [Fact]
    public async Task Catalog_pages_are_served_while_the_configured_Redis_cannot_be_reached()
    {
        using var factory = new RedisShopFactory(new() { ["Redis:Configuration"] = $"127.0.0.1:{ClosedPort()},connectTimeout=500" });
        var product = await factory.CreateProductAsync(name: "Offline Kettle " + ShopData.Unique());
        var visitor = factory.CreateShopClient();

        // Twice each: neither reading a page from the store nor storing it may fail the request.
        foreach (var url in new[] { "/", "/products", "/categories", $"/products/{product.Slug}", "/", $"/products/{product.Slug}" })
        {
            using var response = await visitor.GetAsync(url);
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"{url}: {(int)response.StatusCode}");
        }
        var page = await visitor.GetHtmlAsync($"/products/{product.Slug}");
        Assert.Equal(product.Name, page.QuerySelector("#product-name")!.TextContent);
        using var ready = await factory.CreateClient().GetAsync("/readyz");
        Assert.Equal(HttpStatusCode.ServiceUnavailable, ready.StatusCode);
    }

    /// <summary>
    /// The shop app with Redis settings given as host settings: the app decides at startup whether to use Redis, before
    /// the factory's app configuration is added.
    /// </summary>
    private sealed class RedisShopFactory(Dictionary<string, string?> redisSettings) : ShopFactory
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            foreach (var (key, value) in redisSettings) builder.UseSetting(key, value);
        }
    }

    /// <summary>A loopback port nothing listens on: bound, then released.</summary>
    private static int ClosedPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }
}
