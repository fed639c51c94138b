using System.Net;
using System.Net.Http.Json;
using AngleSharp.Html.Dom;
using Microsoft.EntityFrameworkCore;
using WebApp.Catalog;
using WebApp.Tests.Infrastructure;
using WebApp.Tests.Management;
using WebApp.Tests.Shop;
using WebApp.Tests.Site;

namespace WebApp.Tests.Catalog.Caching;

/// <summary>
/// A list's number of products and the filter form's categories are kept (CatalogDataCache) until the catalog changes.
/// The pages' output cache is off here, so every page is rendered for its request and only the kept answers could be
/// stale: a change through the admin, the API, a checkout or the seed command shows on the next request.
/// </summary>
public sealed class CatalogDataCacheTests(CatalogDataCacheTests.UncachedPagesFactory factory)
    : IClassFixture<CatalogDataCacheTests.UncachedPagesFactory>
{
    public sealed class UncachedPagesFactory : ShopFactory
    {
        public UncachedPagesFactory() =>
            MoreSettings = new Dictionary<string, string?> { ["Catalog:PageCache:Enabled"] = "false" };
    }

    private Task<string> CategorySlugAsync(Product product) =>
        factory.WithDbAsync(db => db.Categories.Where(c => c.Id == product.CategoryId).Select(c => c.Slug).SingleAsync());

    private static List<string> CategoryChoices(IHtmlDocument page) =>
        page.QuerySelectorAll("#filter-category option").Select(o => o.TextContent.Trim()).ToList();

    [Fact]
    public async Task Kept_answers_outlive_a_write_the_app_does_not_see_and_go_with_its_next_change()
    {
        var product = await factory.CreateProductAsync();
        var slug = await CategorySlugAsync(product);
        var visitor = factory.CreateShopClient();
        var listUrl = $"/products?category={slug}";
        var before = await visitor.GetHtmlAsync(listUrl);
        Assert.Equal("1 product", ProductListHtml.Count(before));
        var categoryName = before.QuerySelector(".product-list .product-category")!.TextContent.Trim();
        Assert.Contains(categoryName, CategoryChoices(before));

        // Another program's writes: the rows are read again, the kept count and category names are not.
        await factory.Database.ScalarAsync($"UPDATE \"Categories\" SET \"Name\" = 'Renamed outside' WHERE \"Id\" = {product.CategoryId}");
        await factory.Database.ScalarAsync($"UPDATE \"Products\" SET \"IsActive\" = FALSE WHERE \"Id\" = {product.Id}");
        var unseen = await visitor.GetHtmlAsync(listUrl);
        Assert.Equal("1 product", ProductListHtml.Count(unseen));
        Assert.Empty(ProductListHtml.Names(unseen));
        Assert.Contains(categoryName, CategoryChoices(unseen));

        // Any catalog change the app makes evicts them.
        var other = await factory.CreateProductAsync();
        var after = await visitor.GetHtmlAsync(listUrl);
        Assert.Equal("0 products", ProductListHtml.Count(after));
        Assert.Contains("Renamed outside", CategoryChoices(after));
        Assert.DoesNotContain(categoryName, CategoryChoices(after));
        Assert.Contains((await factory.WithDbAsync(db => db.Categories.SingleAsync(c => c.Id == other.CategoryId))).Name, CategoryChoices(after));
    }

    [Fact]
    public async Task A_row_in_a_category_the_kept_links_do_not_know_has_the_links_read_again()
    {
        var product = await factory.CreateProductAsync();
        var visitor = factory.CreateShopClient();
        var listUrl = $"/products?q={Uri.EscapeDataString(product.Name)}";
        Assert.Equal([product.Name], ProductListHtml.Names(await visitor.GetHtmlAsync(listUrl)));

        // Another program adds a category and moves the product into it: the kept category links do not have it.
        var slug = $"outside-{ShopData.Unique()}";
        await factory.Database.ScalarAsync($"INSERT INTO \"Categories\" (\"Name\", \"Slug\") VALUES ('Made outside', '{slug}')");
        await factory.Database.ScalarAsync(
            $"UPDATE \"Products\" SET \"CategoryId\" = (SELECT \"Id\" FROM \"Categories\" WHERE \"Slug\" = '{slug}') WHERE \"Id\" = {product.Id}");

        var page = await visitor.GetHtmlAsync(listUrl);
        var category = page.QuerySelector(".product-list tbody .product-category a")!;
        Assert.Equal("Made outside", category.TextContent.Trim());
        Assert.Equal($"/categories/{slug}", category.GetAttribute("href"));
        Assert.Contains("Made outside", CategoryChoices(await visitor.GetHtmlAsync("/products")));
    }

    [Fact]
    public async Task A_change_in_the_admin_shows_in_the_next_count_and_category_list()
    {
        var product = await factory.CreateProductAsync(price: 10m);
        var slug = await CategorySlugAsync(product);
        var visitor = factory.CreateShopClient();
        var cheapUrl = $"/products?category={slug}&maxPrice=11";
        Assert.Equal("1 product", ProductListHtml.Count(await visitor.GetHtmlAsync(cheapUrl)));

        var admin = await factory.LoggedInClientAsync($"admin-{ShopData.Unique()}@example.com", staff: true, superuser: true);
        var changeUrl = $"/admin/catalog/product/{product.Id}/change/";
        var form = (await admin.GetHtmlAsync(changeUrl)).FormValues("#product_form");
        using var saved = await admin.PostWithTokenAsync(changeUrl, form.With("Price", "12.50").With("_save", "1"));
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);

        Assert.Equal("0 products", ProductListHtml.Count(await visitor.GetHtmlAsync(cheapUrl)));
        // The signed-in admin reads the same kept answers: fresh too.
        Assert.Equal("0 products", ProductListHtml.Count(await admin.GetHtmlAsync(cheapUrl)));
    }

    [Fact]
    public async Task A_change_through_the_API_shows_in_the_next_count()
    {
        var product = await factory.CreateProductAsync(name: "API Lamp " + ShopData.Unique());
        var slug = await CategorySlugAsync(product);
        var visitor = factory.CreateShopClient();
        Assert.Equal("1 product", ProductListHtml.Count(await visitor.GetHtmlAsync($"/products?category={slug}")));
        Assert.Equal("1 product", ProductListHtml.Count(await visitor.GetHtmlAsync($"/products?q={product.Sku}")));
        var categoryCount = await CategoriesPageCountAsync(visitor, slug);

        var editor = await factory.CreateUserAsync($"editor-{ShopData.Unique()}@example.com", superuser: true);
        using var api = factory.CreateClient();
        api.DefaultRequestHeaders.Authorization = new("Bearer", await factory.ApiTokenAsync(editor.Id));
        using var put = await api.PutAsJsonAsync($"/api/products/{product.Id}", new
        {
            name = product.Name, slug = product.Slug, sku = product.Sku, price = product.Price, stock = product.Stock,
            categoryId = product.CategoryId, isActive = false,
        });
        Assert.Equal(HttpStatusCode.OK, put.StatusCode);

        Assert.Equal("0 products", ProductListHtml.Count(await visitor.GetHtmlAsync($"/products?category={slug}")));
        Assert.Equal("0 products", ProductListHtml.Count(await visitor.GetHtmlAsync($"/products?q={product.Sku}")));
        // The categories page's per-category counts are kept too, and went with the change.
        Assert.Equal(categoryCount - 1, await CategoriesPageCountAsync(visitor, slug));
    }

    /// <summary>The number of active products /categories shows beside the category <paramref name="slug"/>.</summary>
    private static async Task<int> CategoriesPageCountAsync(HttpClient visitor, string slug)
    {
        var item = (await visitor.GetHtmlAsync("/categories")).QuerySelectorAll(".list-group-item")
            .Single(i => i.QuerySelector("a")!.GetAttribute("href")!.EndsWith("/" + slug, StringComparison.Ordinal));
        return int.Parse(item.QuerySelector(".badge")!.TextContent.Trim().Split(' ')[0], System.Globalization.CultureInfo.InvariantCulture);
    }

    [Fact]
    public async Task A_checkout_shows_on_the_next_list_with_its_count()
    {
        var product = await factory.CreateProductAsync(stock: 1);
        var slug = await CategorySlugAsync(product);
        var visitor = factory.CreateShopClient();
        var listUrl = $"/products?category={slug}";
        var before = await visitor.GetHtmlAsync(listUrl);
        Assert.Equal("1 product", ProductListHtml.Count(before));
        Assert.Equal("In stock", before.QuerySelector(".product-availability")!.TextContent.Trim());

        var (customer, _) = await factory.LoggedInCustomerAsync();
        await customer.AddToCartAsync(product.Id);
        await customer.CheckoutAsync();

        var after = await visitor.GetHtmlAsync(listUrl);
        Assert.Equal("1 product", ProductListHtml.Count(after)); // sold out, still on sale
        Assert.Equal("Out of stock", after.QuerySelector(".product-availability")!.TextContent.Trim());
    }

    [Fact]
    public async Task Seeding_evicts_the_kept_count_though_its_rows_bypass_EF_Core()
    {
        // A factory of its own: seeding refuses a catalog with orders (the checkout test makes one).
        using var own = new UncachedPagesFactory();
        var visitor = own.CreateShopClient();
        await own.CreateProductAsync();
        Assert.Equal("1 product", ProductListHtml.Count(await visitor.GetHtmlAsync("/products")));

        var seed = await CommandRunner.RunAsync(own.Services, ["seed", "--products", "30"]);
        Assert.True(seed.ExitCode == 0, seed.ToString());

        var active = await own.WithDbAsync(db => db.Products.CountAsync(p => p.IsActive));
        Assert.NotEqual(1, active);
        Assert.Equal($"{active} products", ProductListHtml.Count(await visitor.GetHtmlAsync("/products")));
    }
}
