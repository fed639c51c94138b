using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;
using WebApp.Tests.Accounts;
using WebApp.Tests.Infrastructure;
using WebApp.Tests.Shop;

namespace WebApp.Tests.Operations;

/// <summary>/metrics in Prometheus format: the shop's counters move with what customers do; only allowed addresses read it.</summary>
[Collection(MetricsCollection.Name)]
public sealed partial class MetricsTests(AccountsFactory factory) : IClassFixture<AccountsFactory>
{
    private const string Loopback = "127.0.0.1";

    [Fact]
    public async Task An_order_placed_and_one_refused_for_stock_move_the_counters_and_the_outbox_backlog()
    {
        var lamp = await factory.CreateProductAsync(name: "Metrics lamp", stock: 1);
        var first = await CustomerWithCartAsync(lamp.Id);
        var second = await CustomerWithCartAsync(lamp.Id);
        var refusedReview = await second.ReviewCheckoutAsync();
        var before = await ScrapeAsync();

        await first.CheckoutAsync();
        using var refused = await second.PlaceOrderAsync(refusedReview.PlaceOrderFields());
        var afterOrders = await ScrapeAsync();
        await factory.DeliverMailAsync();
        var afterDelivery = await ScrapeAsync();

        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Equal(before.Value("webapp_orders_placed_total") + 1, afterOrders.Value("webapp_orders_placed_total"));
        Assert.Equal(before.Value("webapp_checkouts_refused_for_stock_total") + 1, afterOrders.Value("webapp_checkouts_refused_for_stock_total"));
        // The order's confirmation waits in the outbox until it is delivered.
        Assert.Equal(before.Value("webapp_outbox_backlog") + 1, afterOrders.Value("webapp_outbox_backlog"));
        Assert.Equal(0, afterDelivery.Value("webapp_outbox_backlog"));
        // The framework's own meters are there too: requests, the runtime, EF Core.
        Assert.Contains("http_server_request_duration_seconds", afterOrders.Text);
        Assert.Contains("dotnet_gc_collections", afterOrders.Text);
    }

    [Fact]
    public async Task A_failed_sign_in_and_a_locked_out_one_move_their_counters()
    {
        var user = await AccountTestData.CreateUserAsync(factory, $"metrics-{ShopData.Unique()}@example.com");
        var locked = await AccountTestData.CreateUserAsync(factory, $"metrics-locked-{ShopData.Unique()}@example.com",
            u => u.LockoutEnd = DateTimeOffset.UtcNow.AddHours(1));
        var before = await ScrapeAsync();

        using var wrong = await AccountTestData.LoginAsync(factory.ClientFrom("192.0.2.10"), user.Email!, "Wrong!Pass9");
        using var lockedOut = await AccountTestData.LoginAsync(factory.ClientFrom("192.0.2.11"), locked.Email!);
        var after = await ScrapeAsync();

        Assert.Equal(HttpStatusCode.OK, wrong.StatusCode);
        Assert.Equal(before.Value("webapp_sign_in_failures_total") + 1, after.Value("webapp_sign_in_failures_total"));
        Assert.Equal(before.Value("webapp_sign_in_lockouts_total") + 1, after.Value("webapp_sign_in_lockouts_total"));
    }

    [Fact]
    public async Task Metrics_do_not_exist_for_an_address_that_is_not_allowed()
    {
        using var allowed = await factory.ClientFrom(Loopback).GetAsync("/metrics");
        using var refused = await factory.ClientFrom("203.0.113.9").GetAsync("/metrics");

        Assert.Equal(HttpStatusCode.OK, allowed.StatusCode);
        Assert.StartsWith("text/plain", allowed.Content.Headers.ContentType?.ToString());
        Assert.Equal(HttpStatusCode.NotFound, refused.StatusCode);
        Assert.DoesNotContain("webapp_", await refused.Content.ReadAsStringAsync());
    }

    private async Task<HttpClient> CustomerWithCartAsync(int productId)
    {
        var customer = await factory.CreateCustomerAsync();
        var client = factory.CreateShopClient();
        await factory.LogInAsync(client, customer.Email!);
        await client.AddToCartAsync(productId);
        return client;
    }

    private async Task<Scrape> ScrapeAsync()
    {
        using var response = await factory.ClientFrom(Loopback).GetAsync("/metrics");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return new Scrape(await response.Content.ReadAsStringAsync());
    }

    private sealed partial record Scrape(string Text)
    {
        /// <summary>The sum of a metric's samples over its labels; 0 while it has none (nothing counted yet).</summary>
        public double Value(string name) => Sample().Matches(Text)
            .Where(m => m.Groups["name"].Value == name)
            .Sum(m => double.Parse(m.Groups["value"].Value, CultureInfo.InvariantCulture));

        [GeneratedRegex(@"^(?<name>[a-zA-Z_:][a-zA-Z0-9_:]*)(\{[^}]*\})? (?<value>\S+)", RegexOptions.Multiline)]
        private static partial Regex Sample();
    }
}
