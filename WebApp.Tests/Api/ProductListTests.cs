using System.Net;
using System.Text.Json;

namespace WebApp.Tests.Api;

/// <summary>GET /api/products: the shape, paging and links, filters and sorts, and a 400 for every bad parameter.</summary>
public class ProductListTests(ApiFactory factory) : IClassFixture<ApiFactory>
{
    private readonly HttpClient _client = factory.CreateClient();

    private async Task<JsonElement> ListAsync(string query)
    {
        using var response = await _client.GetAsync("/api/products?" + query);
        return await response.ExpectJsonAsync();
    }

    private static List<string> Names(JsonElement page) =>
        page.GetProperty("items").EnumerateArray().Select(p => p.GetProperty("name").GetString()!).ToList();

    [Fact]
    public async Task A_page_and_its_items_have_the_documented_fields()
    {
        var category = await factory.CreateCategoryAsync();
        var product = await factory.CreateProductAsync(category, price: 12.5m, stock: 3);

        var page = await ListAsync($"category={category.Slug}");

        Assert.Equal(["items", "page", "pageSize", "total", "next", "previous"], page.PropertyNames());
        Assert.Equal(1, page.GetProperty("page").GetInt32());
        Assert.Equal(20, page.GetProperty("pageSize").GetInt32());
        Assert.Equal(1, page.GetProperty("total").GetInt32());
        Assert.Equal(JsonValueKind.Null, page.GetProperty("next").ValueKind);
        Assert.Equal(JsonValueKind.Null, page.GetProperty("previous").ValueKind);
        var item = Assert.Single(page.GetProperty("items").EnumerateArray());
        Assert.Equal(["id", "name", "slug", "sku", "price", "stock", "category"], item.PropertyNames());
        Assert.Equal(product.Id, item.GetProperty("id").GetInt32());
        Assert.Equal(product.Slug, item.GetProperty("slug").GetString());
        Assert.Equal(product.Sku, item.GetProperty("sku").GetString());
        Assert.Equal(12.5m, item.GetProperty("price").GetDecimal());
        Assert.Equal(3, item.GetProperty("stock").GetInt32());
        var itemCategory = item.GetProperty("category");
        Assert.Equal(["id", "name", "slug"], itemCategory.PropertyNames());
        Assert.Equal(category.Id, itemCategory.GetProperty("id").GetInt32());
        Assert.Equal(category.Slug, itemCategory.GetProperty("slug").GetString());
    }

    [Fact]
    public async Task Pages_link_to_their_neighbours_with_absolute_urls_and_null_at_the_ends()
    {
        var category = await factory.CreateCategoryAsync();
        for (var i = 1; i <= 5; i++) await factory.CreateProductAsync(category, $"Item {i}");
        var query = $"category={category.Slug}&pageSize=2&sort=name";

        var first = await ListAsync(query);
        var middle = await ListAsync(query + "&page=2");
        var last = await ListAsync(query + "&page=3");

        Assert.Equal(5, first.GetProperty("total").GetInt32());
        Assert.Equal(["Item 1", "Item 2"], Names(first));
        Assert.Equal(JsonValueKind.Null, first.GetProperty("previous").ValueKind);
        Assert.Equal($"http://localhost/api/products?{query}&page=2", first.GetProperty("next").GetString());

        Assert.Equal(["Item 3", "Item 4"], Names(middle));
        Assert.Equal($"http://localhost/api/products?{query}", middle.GetProperty("previous").GetString());
        Assert.Equal($"http://localhost/api/products?{query}&page=3", middle.GetProperty("next").GetString());

        Assert.Equal(["Item 5"], Names(last));
        Assert.Equal(JsonValueKind.Null, last.GetProperty("next").ValueKind);
        Assert.Equal($"http://localhost/api/products?{query}&page=2", last.GetProperty("previous").GetString());

        // The links work as given.
        using var followed = await _client.GetAsync(first.GetProperty("next").GetString());
        Assert.Equal(["Item 3", "Item 4"], Names(await followed.ExpectJsonAsync()));
    }

    [Fact]
    public async Task An_empty_list_has_a_first_page()
    {
        var category = await factory.CreateCategoryAsync();

        var page = await ListAsync($"category={category.Slug}&page=1");

        Assert.Equal(0, page.GetProperty("total").GetInt32());
        Assert.Empty(page.GetProperty("items").EnumerateArray());
    }

    [Theory]
    [InlineData("page=abc", "page")]
    [InlineData("page=0", "page")]
    [InlineData("page=-1", "page")]
    [InlineData("page=1.5", "page")]
    [InlineData("pageSize=0", "pageSize")]
    [InlineData("pageSize=101", "pageSize")]
    [InlineData("pageSize=ten", "pageSize")]
    [InlineData("minPrice=cheap", "minPrice")]
    [InlineData("minPrice=-1", "minPrice")]
    [InlineData("maxPrice=100000000", "maxPrice")]
    [InlineData("maxPrice=1.005", "maxPrice")]
    [InlineData("minPrice=5&maxPrice=1", "minPrice")]
    [InlineData("sort=popular", "sort")]
    [InlineData("category=no-such-category", "category")]
    [InlineData("size=5", "size")]
    public async Task A_bad_parameter_is_a_400_problem_naming_it(string query, string parameter)
    {
        using var response = await _client.GetAsync("/api/products?" + query);

        var problem = await response.ExpectProblemAsync(HttpStatusCode.BadRequest);
        Assert.NotEmpty(problem.FieldErrors(parameter));
    }

    [Fact]
    public async Task Every_bad_parameter_is_reported_at_once()
    {
        using var response = await _client.GetAsync("/api/products?page=x&pageSize=500&sort=best&colour=red");

        var problem = await response.ExpectProblemAsync(HttpStatusCode.BadRequest);
        Assert.Equal(["The value 'x' is not valid for page."], problem.FieldErrors("page"));
        Assert.Equal(["pageSize must be between 1 and 100."], problem.FieldErrors("pageSize"));
        Assert.Equal(["Unknown sort. Use one of: name, price, -price, newest, -name, oldest."], problem.FieldErrors("sort"));
        Assert.StartsWith("Unknown query parameter.", problem.FieldErrors("colour")[0]);
    }

    [Fact]
    public async Task A_page_past_the_end_is_a_400_saying_how_many_pages_there_are()
    {
        var category = await factory.CreateCategoryAsync();
        for (var i = 0; i < 3; i++) await factory.CreateProductAsync(category);

        using var response = await _client.GetAsync($"/api/products?category={category.Slug}&pageSize=2&page=3");

        var problem = await response.ExpectProblemAsync(HttpStatusCode.BadRequest);
        Assert.Equal(["Page 3 does not exist: there are 2 pages."], problem.FieldErrors("page"));
    }

    [Fact]
    public async Task Search_matches_name_sku_or_description_ignoring_case_and_takes_wildcards_literally()
    {
        var category = await factory.CreateCategoryAsync();
        var tag = ApiTestData.Unique();
        await factory.CreateProductAsync(category, $"Blue Lamp {tag}");
        await factory.CreateProductAsync(category, "Chair", sku: $"X{tag}".ToUpperInvariant());
        await factory.CreateProductAsync(category, "Table", description: $"Goes with {tag} chairs");
        await factory.CreateProductAsync(category, "Rug");
        await factory.CreateProductAsync(category, "Discount", description: "100% wool");

        Assert.Equal([$"Blue Lamp {tag}", "Chair", "Table"], Names(await ListAsync($"category={category.Slug}&q={tag}&sort=name")));
        Assert.Equal([$"Blue Lamp {tag}"], Names(await ListAsync($"category={category.Slug}&q=BLUE%20LAMP")));
        Assert.Equal(["Discount"], Names(await ListAsync($"category={category.Slug}&q=%25")));
        Assert.Empty(Names(await ListAsync($"category={category.Slug}&q=_")));
    }

    [Fact]
    public async Task Price_filters_are_inclusive_and_inactive_products_are_never_listed()
    {
        var category = await factory.CreateCategoryAsync();
        await factory.CreateProductAsync(category, "Cheap", price: 5m);
        await factory.CreateProductAsync(category, "Middle", price: 10m);
        await factory.CreateProductAsync(category, "Dear", price: 20m);
        await factory.CreateProductAsync(category, "Hidden", price: 10m, active: false);

        var page = await ListAsync($"category={category.Slug}&minPrice=5.01&maxPrice=20&sort=price");

        Assert.Equal(["Middle", "Dear"], Names(page));
    }

    [Theory]
    [InlineData("name", new[] { "Apple", "Banana", "Cherry" })]
    [InlineData("-name", new[] { "Cherry", "Banana", "Apple" })]
    [InlineData("price", new[] { "Banana", "Cherry", "Apple" })]
    [InlineData("-price", new[] { "Apple", "Cherry", "Banana" })]
    [InlineData("newest", new[] { "Cherry", "Apple", "Banana" })]
    [InlineData("oldest", new[] { "Banana", "Apple", "Cherry" })]
    [InlineData("PRICE", new[] { "Banana", "Cherry", "Apple" })]
    public async Task Sorts(string sort, string[] expected)
    {
        var category = await factory.CreateCategoryAsync();
        var start = new DateTime(2026, 1, 1, 0, 0, 0, DateTimeKind.Utc);
        await factory.CreateProductAsync(category, "Banana", price: 1m, createdAt: start);
        await factory.CreateProductAsync(category, "Apple", price: 3m, createdAt: start.AddDays(1));
        await factory.CreateProductAsync(category, "Cherry", price: 2m, createdAt: start.AddDays(2));

        Assert.Equal(expected, Names(await ListAsync($"category={category.Slug}&sort={sort}")));
    }
}
