using System.Globalization;
using System.Text.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using WebApp.Catalog;
using WebApp.Catalog.Caching;
using WebApp.Tests.Api;
using WebApp.Tests.Infrastructure;
using WebApp.Tests.Management;
using WebApp.Tests.Shop;
using WebApp.Tests.Site;

namespace WebApp.Tests.Catalog;

/// <summary>
/// Small lists are counted exactly on every request; counts above <c>Catalog:ListCache:CountThreshold</c> are kept
/// until <c>Expiry</c> (here on a clock the test moves), for the shop's lists, the home page and the API alike.
/// </summary>
public class ProductCountCacheTests : IDisposable
{
    /// <summary>The app with a count threshold of its own and a clock the test moves.</summary>
    private sealed class ListCacheFactory(int? countThreshold = null) : WebAppFactory
    {
        public ManualClock Clock { get; } = new();

        protected override IDictionary<string, string?> ExtraSettings
        {
            get
            {
                var settings = new Dictionary<string, string?>
                {
                    ["Catalog:ListCache:Expiry"] = "00:00:30",
                    ["Api:RateLimit:PermitLimit"] = "100000",
                };
                if (countThreshold is { } threshold)
                    settings["Catalog:ListCache:CountThreshold"] = threshold.ToString(CultureInfo.InvariantCulture);
                return settings;
            }
        }

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.ConfigureTestServices(services => services.AddSingleton<TimeProvider>(Clock));
        }
    }

    private ListCacheFactory _factory = new();

    public void Dispose() => _factory.Dispose();

    private HttpClient Client(int? countThreshold)
    {
        _factory.Dispose();
        _factory = new ListCacheFactory(countThreshold);
        return _factory.CreateClient();
    }

    private async Task<Category> CategoryAsync(string name) =>
        await _factory.WithDbAsync(async db =>
        {
            var category = new Category { Name = name, Slug = Slugs.From(name) };
            db.Categories.Add(category);
            await db.SaveChangesAsync();
            return category;
        });

    private Task AddProductsAsync(Category category, string prefix, int count, int first = 1, bool active = true) =>
        _factory.WithDbAsync(async db =>
        {
            for (var i = first; i < first + count; i++)
            {
                db.Products.Add(new Product
                {
                    Name = $"{prefix} {i:00}", Slug = Slugs.From($"{prefix} {i:00}"), Sku = $"{prefix.ToUpperInvariant()}-{i:00}",
                    Price = i, Stock = 1, IsActive = active, CategoryId = category.Id,
                });
            }
            await db.SaveChangesAsync();
        });

    private static async Task<string> CountOnAsync(HttpClient client, string url) =>
        ProductListHtml.Count(await client.GetHtmlAsync(url));

    private static async Task<List<string>> CategoryBadgesAsync(HttpClient client) =>
        (await client.GetHtmlAsync("/")).QuerySelectorAll(".category-list a")
            .Select(link => string.Join(' ', link.TextContent.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries))).ToList();

    private static async Task<int> ApiTotalAsync(HttpClient client, string query)
    {
        using var response = await client.GetAsync("/api/products?" + query);
        return (await response.ExpectJsonAsync()).GetProperty("total").GetInt32();
    }

    [Fact]
    public async Task Small_lists_are_counted_exactly_on_every_request()
    {
        var client = Client(countThreshold: null);
        var lamps = await CategoryAsync("Lamps");
        await AddProductsAsync(lamps, "Lamp", 3);
        Assert.Equal("3 products", await CountOnAsync(client, "/products"));
        Assert.Equal(["Lamps 3 products"], await CategoryBadgesAsync(client));

        await AddProductsAsync(lamps, "Lamp", 2, first: 4);

        Assert.Equal("5 products", await CountOnAsync(client, "/products"));
        Assert.Equal("5 products", await CountOnAsync(client, "/products?q=lamp"));
        Assert.Equal("5 products", await CountOnAsync(client, "/categories/lamps"));
        Assert.Equal(["Lamps 5 products"], await CategoryBadgesAsync(client));
        Assert.Equal(5, await ApiTotalAsync(client, "q=lamp"));
    }

    [Fact]
    public async Task A_big_lists_count_is_kept_until_it_expires_while_small_lists_stay_exact()
    {
        var client = Client(countThreshold: 3);
        var lamps = await CategoryAsync("Lamps");
        await AddProductsAsync(lamps, "Lamp", 5);
        Assert.Equal("5 products", await CountOnAsync(client, "/products"));
        Assert.Equal(5, await ApiTotalAsync(client, "q=lamp"));
        Assert.Equal("2 products", await CountOnAsync(client, "/products?maxPrice=2"));

        await AddProductsAsync(lamps, "Lamp", 2, first: 6);
        _factory.Clock.Advance(TimeSpan.FromSeconds(29));

        var page = await client.GetHtmlAsync("/products");
        Assert.Equal("5 products", ProductListHtml.Count(page));
        Assert.Equal(7, ProductListHtml.Names(page).Count); // the rows themselves are never kept
        Assert.Equal(5, await ApiTotalAsync(client, "q=lamp"));
        Assert.Equal("3 products", await CountOnAsync(client, "/products?maxPrice=3")); // at the threshold: exact

        _factory.Clock.Advance(TimeSpan.FromSeconds(2));

        Assert.Equal("7 products", await CountOnAsync(client, "/products"));
        Assert.Equal(7, await ApiTotalAsync(client, "q=lamp"));
    }

    [Fact]
    public async Task The_home_pages_category_counts_are_kept_only_while_they_add_up_to_a_big_number()
    {
        var client = Client(countThreshold: 3);
        var lamps = await CategoryAsync("Lamps");
        var rugs = await CategoryAsync("Rugs");
        await AddProductsAsync(lamps, "Lamp", 3);
        await AddProductsAsync(lamps, "Old lamp", 2, active: false);
        Assert.Equal(["Lamps 3 products", "Rugs 0 products"], await CategoryBadgesAsync(client));

        await AddProductsAsync(rugs, "Rug", 1);
        Assert.Equal(["Lamps 3 products", "Rugs 1 product"], await CategoryBadgesAsync(client));

        await AddProductsAsync(rugs, "Rug", 1, first: 2);
        Assert.Equal(["Lamps 3 products", "Rugs 1 product"], await CategoryBadgesAsync(client));

        _factory.Clock.Advance(TimeSpan.FromSeconds(31));
        Assert.Equal(["Lamps 3 products", "Rugs 2 products"], await CategoryBadgesAsync(client));
    }

    [Fact]
    public async Task A_page_that_a_kept_count_promises_but_no_longer_exists_shows_the_last_page_with_a_fresh_count()
    {
        var client = Client(countThreshold: 3);
        var lamps = await CategoryAsync("Lamps");
        await AddProductsAsync(lamps, "Lamp", 30);
        var second = await client.GetHtmlAsync("/products?page=2");
        Assert.Equal(Enumerable.Range(25, 6).Select(i => $"Lamp {i:00}"), ProductListHtml.Names(second));
        Assert.Equal("30 products", ProductListHtml.Count(second));

        await _factory.WithDbAsync(db => db.Products.Where(p => p.Price > 20m).ExecuteDeleteAsync());

        var page = await client.GetHtmlAsync("/products?page=2");
        Assert.Equal(["Page 2 does not exist; showing the last page."], ProductListHtml.Messages(page));
        Assert.Equal(Enumerable.Range(1, 20).Select(i => $"Lamp {i:00}"), ProductListHtml.Names(page));
        Assert.Equal("20 products", ProductListHtml.Count(page));
    }

    [Fact]
    public async Task A_page_past_the_end_of_a_big_list_shows_the_last_page_and_the_api_names_the_page_count()
    {
        var client = Client(countThreshold: 3);
        var lamps = await CategoryAsync("Lamps");
        await AddProductsAsync(lamps, "Lamp", 30);

        // Counted on the first request, read from the kept count on the second.
        for (var request = 1; request <= 2; request++)
        {
            var page = await client.GetHtmlAsync("/products?page=9");
            Assert.Equal(["Page 9 does not exist; showing the last page."], ProductListHtml.Messages(page));
            Assert.Equal(Enumerable.Range(25, 6).Select(i => $"Lamp {i:00}"), ProductListHtml.Names(page));
            Assert.Equal("30 products", ProductListHtml.Count(page));

            using var response = await client.GetAsync("/api/products?page=9&pageSize=10");
            var problem = await response.ExpectProblemAsync(System.Net.HttpStatusCode.BadRequest);
            Assert.Equal(["Page 9 does not exist: there are 3 pages."], problem.FieldErrors("page"));
        }
    }

    [Fact]
    public async Task After_seeding_10000_products_the_list_counts_9000_on_the_first_request()
    {
        var client = Client(countThreshold: null);
        _factory.EnsureMigrated();
        var seed = await CommandRunner.RunAsync(_factory.Services, ["seed", "--products", "10000"]);
        Assert.True(seed.ExitCode == 0, seed.ToString());

        Assert.Equal("9,000 products", await CountOnAsync(client, "/products"));
        Assert.Equal("1 product", await CountOnAsync(client, "/products?q=Product+01234"));
    }

    private static ProductCountCache NewCache(ManualClock clock) =>
        new(Options.Create(new ListCacheOptions { CountThreshold = 3, Expiry = TimeSpan.FromSeconds(30) }), clock,
            new CatalogPageCache(
                new ServiceCollection().AddOptions().AddOutputCache().BuildServiceProvider().GetRequiredService<Microsoft.AspNetCore.OutputCaching.IOutputCacheStore>(),
                new Microsoft.AspNetCore.Http.HttpContextAccessor(),
                Microsoft.Extensions.Logging.Abstractions.NullLogger<CatalogPageCache>.Instance));

    private static Func<CancellationToken, Task<int>> Counter(int result, List<int> calls) => _ =>
    {
        calls.Add(result);
        return Task.FromResult(result);
    };

    [Fact]
    public async Task Counts_up_to_the_threshold_are_never_kept_and_bigger_ones_until_they_expire()
    {
        var clock = new ManualClock();
        using var cache = NewCache(clock);
        var calls = new List<int>();

        Assert.Equal(3, await cache.GetOrCountAsync("small", Counter(3, calls), n => n, CancellationToken.None));
        Assert.Equal(3, await cache.GetOrCountAsync("small", Counter(3, calls), n => n, CancellationToken.None));
        Assert.False(cache.Remembers("small"));
        Assert.Equal(4, await cache.GetOrCountAsync("big", Counter(4, calls), n => n, CancellationToken.None));
        Assert.Equal(4, await cache.GetOrCountAsync("big", Counter(5, calls), n => n, CancellationToken.None));
        clock.Advance(TimeSpan.FromSeconds(31));
        Assert.Equal(5, await cache.GetOrCountAsync("big", Counter(5, calls), n => n, CancellationToken.None));

        Assert.Equal([3, 3, 4, 5], calls);
    }

    [Fact]
    public async Task An_expired_count_is_counted_again_once_for_all_the_requests_that_come_meanwhile()
    {
        var clock = new ManualClock();
        using var cache = NewCache(clock);
        await cache.GetOrCountAsync("big", _ => Task.FromResult(10), n => n, CancellationToken.None);
        clock.Advance(TimeSpan.FromSeconds(31));
        var recount = new TaskCompletionSource<int>();
        var otherCalls = new List<int>();

        var first = cache.GetOrCountAsync("big", _ => recount.Task, n => n, CancellationToken.None);
        var second = cache.GetOrCountAsync("big", Counter(99, otherCalls), n => n, CancellationToken.None);
        Assert.False(second.IsCompleted);
        recount.SetResult(12);

        Assert.Equal(12, await first);
        Assert.Equal(12, await second);
        Assert.Empty(otherCalls);
    }

    [Fact]
    public async Task When_the_request_that_was_counting_fails_a_waiting_one_counts_for_itself()
    {
        var clock = new ManualClock();
        using var cache = NewCache(clock);
        await cache.GetOrCountAsync("big", _ => Task.FromResult(10), n => n, CancellationToken.None);
        clock.Advance(TimeSpan.FromSeconds(31));
        var recount = new TaskCompletionSource<int>();
        var otherCalls = new List<int>();

        var first = cache.GetOrCountAsync("big", _ => recount.Task, n => n, CancellationToken.None);
        var second = cache.GetOrCountAsync("big", Counter(11, otherCalls), n => n, CancellationToken.None);
        recount.SetException(new InvalidOperationException("database gone"));

        await Assert.ThrowsAsync<InvalidOperationException>(() => first);
        Assert.Equal(11, await second);
        Assert.Equal([11], otherCalls);
        Assert.Equal(11, await cache.GetOrCountAsync("big", Counter(12, otherCalls), n => n, CancellationToken.None));
    }

    [Fact]
    public void Settings_that_make_no_sense_stop_the_app_at_start_up()
    {
        using var factory = new SettingsFactory(new Dictionary<string, string?>
        {
            ["Catalog:ListCache:CountThreshold"] = "-1",
            ["Catalog:ListCache:Expiry"] = "00:00:00",
        });

        var error = Assert.Throws<OptionsValidationException>(() => factory.Services);

        Assert.Contains("Catalog:ListCache:CountThreshold cannot be negative.", error.Failures);
        Assert.Contains("Catalog:ListCache:Expiry must be positive, such as 00:00:30.", error.Failures);
    }
}
