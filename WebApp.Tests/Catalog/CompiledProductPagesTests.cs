using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using WebApp.Catalog;
using WebApp.Tests.Infrastructure;

namespace WebApp.Tests.Catalog;

/// <summary>
/// Lists without a search or price bounds are read through compiled queries: every order, with and without a category,
/// gives the rows the per-request query gives, ties and inactive products included.
/// </summary>
public class CompiledProductPagesTests(CompiledProductPagesTests.Catalog site) : IClassFixture<CompiledProductPagesTests.Catalog>
{
    public sealed class Catalog : WebAppFactory
    {
        public int ShoesId { get; private set; }

        public async Task SeedAsync()
        {
            if (ShoesId != 0) return;
            var catalog = new CatalogBuilder();
            var shoes = catalog.Category("Shoes");
            var hats = catalog.Category("Hats");
            for (var i = 0; i < 30; i++)
            {
                // Repeated names, prices and creation times: the pages must break ties by id the same way.
                var product = catalog.Product($"Item {i % 7}", price: 10m + i % 4, category: i % 3 == 0 ? hats : shoes,
                    active: i % 5 != 4, stock: i % 6, createdAt: CatalogBuilder.FirstCreatedAt.AddDays(i % 9));
                if (i % 2 == 0) catalog.Image(product, $"Picture {i}");
            }
            await catalog.SaveAsync(this);
            ShoesId = shoes.Id;
        }
    }

    [Fact]
    public async Task Every_order_reads_the_rows_of_the_per_request_query()
    {
        await site.SeedAsync();
        await using var scope = site.Services.CreateAsyncScope();
        var list = scope.ServiceProvider.GetRequiredService<ProductListQuery>();

        foreach (var sort in Enum.GetValues<ProductSort>())
        {
            var criteria = new ProductListCriteria { Sort = sort };
            foreach (var categoryId in new int?[] { null, site.ShoesId })
            {
                for (var page = 1; page <= 4; page++)
                {
                    var expected = await list.PageOf<ProductListItem>(list.Matching(criteria, categoryId), sort, page, pageSize: 7).ToListAsync();
                    var compiled = await list.ReadPageAsync<ProductListItem>(criteria, categoryId, sort, page, pageSize: 7, CancellationToken.None);

                    Assert.Equal(Rows(expected), Rows(compiled.Items));
                }
            }
        }
    }

    private static List<string> Rows(IEnumerable<ProductListItem> items) =>
        items.Select(i => $"{i.Id} {i.Name} {i.CategoryId} {i.Price} {i.Stock} {i.Image}").ToList();
}
