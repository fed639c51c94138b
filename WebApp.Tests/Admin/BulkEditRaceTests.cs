using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using WebApp.Admin;
using WebApp.Catalog;
using WebApp.Tests.Infrastructure;
using static WebApp.Tests.Infrastructure.HtmlForms;

namespace WebApp.Tests.Admin;

/// <summary>
/// The rows' unique checks pass, then another writer takes the value before the save: the database's unique index refuses
/// it, and the formset says so beside the input (a 400) and saves nothing, as the change form does, instead of a 500.
/// </summary>
public sealed class BulkEditRaceTests : IDisposable
{
    private const string RaceSku = "RACE-1";

    /// <summary>Just before the save that gives a product <see cref="RaceSku"/>, another product takes it (in the same transaction, as a committed rival would be seen).</summary>
    private sealed class SkuRace : SaveChangesInterceptor
    {
        public int? RivalId { get; set; }

        public override async ValueTask<InterceptionResult<int>> SavingChangesAsync(
            DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
        {
            var db = eventData.Context!;
            if (RivalId is { } rival && db.ChangeTracker.Entries<Product>().Any(e => e.State == EntityState.Modified && e.Entity.Sku == RaceSku))
            {
                RivalId = null;
                await db.Database.ExecuteSqlAsync($"UPDATE \"Products\" SET \"Sku\" = {RaceSku} WHERE \"Id\" = {rival}", cancellationToken);
            }
            return result;
        }
    }

    private sealed class RacingFactory(SkuRace race) : WebAppFactory
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.ConfigureTestServices(services => services.AddSingleton<IInterceptor>(race));
        }
    }

    private readonly SkuRace _race = new();
    private readonly RacingFactory _factory;

    public BulkEditRaceTests() => _factory = new RacingFactory(_race);

    public void Dispose() => _factory.Dispose();

    [Fact]
    public async Task A_unique_value_taken_between_the_check_and_the_save_is_refused_beside_the_input_and_nothing_is_saved()
    {
        var category = await _factory.AddCategoryAsync("Shoes");
        var boot = await _factory.AddProductAsync("Boot", category.Id, sku: "BOOT-1");
        var clog = await _factory.AddProductAsync("Clog", category.Id, sku: "CLOG-1");
        var client = await _factory.LoggedInClientAsync("root@example.com", staff: true, superuser: true);
        _race.RivalId = clog.Id;

        using var response = await client.PostWithTokenAsync("/admin/catalog/product/",
        [
            Field("action", "edit_selected"), Field("_selected_action", boot.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)),
            Field("_bulk_field", "Sku"), Field("post", "yes"), Field("Sku", RaceSku),
        ]);

        Assert.Null(_race.RivalId); // the rival did take the value first
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("Boot: Product with this SKU already exists.", (await response.ReadHtmlAsync()).QuerySelector(".bulk-edit-errors")!.TextContent);
        var skus = await _factory.WithDbAsync(db => db.Products.OrderBy(p => p.Id).Select(p => p.Sku).ToListAsync());
        Assert.Equal(["BOOT-1", "CLOG-1"], skus); // the whole transaction, the rival's write in it included, was rolled back
        Assert.Equal(0, await _factory.WithDbAsync(db => db.Set<LogEntry>().CountAsync()));
    }
}
