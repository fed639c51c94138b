using System.Net;
using System.Text.Json;

namespace WebApp.Tests.Api;

/// <summary>GET /api/products/{id} and GET /api/categories.</summary>
public class ProductDetailsTests(ApiFactory factory) : IClassFixture<ApiFactory>
{
    private readonly HttpClient _client = factory.CreateClient();

    [Fact]
    public async Task A_product_comes_with_its_category_and_the_rating_of_approved_reviews()
    {
        var category = await factory.CreateCategoryAsync();
        var product = await factory.CreateProductAsync(category, "Lamp", price: 24.9m, description: "Bright.");
        await factory.AddReviewAsync(product, 5, approved: true);
        await factory.AddReviewAsync(product, 4, approved: true);
        await factory.AddReviewAsync(product, 4, approved: true);
        await factory.AddReviewAsync(product, 1, approved: false);

        using var response = await _client.GetAsync($"/api/products/{product.Id}");

        var body = await response.ExpectJsonAsync();
        Assert.Equal(
            ["id", "name", "slug", "sku", "description", "price", "stock", "isActive", "category", "tags", "averageRating", "reviewCount", "createdAt", "updatedAt"],
            body.PropertyNames());
        Assert.Equal("Lamp", body.GetProperty("name").GetString());
        Assert.Equal("Bright.", body.GetProperty("description").GetString());
        Assert.Equal(24.9m, body.GetProperty("price").GetDecimal());
        Assert.True(body.GetProperty("isActive").GetBoolean());
        Assert.Equal(category.Name, body.GetProperty("category").GetProperty("name").GetString());
        Assert.Equal(category.Slug, body.GetProperty("category").GetProperty("slug").GetString());
        Assert.Equal(4.33, body.GetProperty("averageRating").GetDouble());
        Assert.Equal(3, body.GetProperty("reviewCount").GetInt32());
        Assert.NotNull(response.Headers.ETag);
    }

    [Fact]
    public async Task A_product_without_reviews_has_no_rating()
    {
        var product = await factory.CreateProductAsync(await factory.CreateCategoryAsync());

        using var response = await _client.GetAsync($"/api/products/{product.Id}");

        var body = await response.ExpectJsonAsync();
        Assert.Equal(JsonValueKind.Null, body.GetProperty("averageRating").ValueKind);
        Assert.Equal(0, body.GetProperty("reviewCount").GetInt32());
    }

    [Fact]
    public async Task A_missing_product_is_a_404_problem()
    {
        using var response = await _client.GetAsync("/api/products/987654");

        var problem = await response.ExpectProblemAsync(HttpStatusCode.NotFound);
        Assert.Equal("No product has the id 987654.", problem.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task An_inactive_product_is_found_only_by_callers_who_may_view_products()
    {
        var product = await factory.CreateProductAsync(await factory.CreateCategoryAsync(), active: false);
        var (plain, _) = await factory.UserClientAsync($"plain-{ApiTestData.Unique()}@example.com");
        var (viewer, _) = await factory.UserClientAsync($"viewer-{ApiTestData.Unique()}@example.com", permissions: "catalog.view_product");
        var (changer, _) = await factory.UserClientAsync($"changer-{ApiTestData.Unique()}@example.com", permissions: "catalog.change_product");

        using var anonymous = await _client.GetAsync($"/api/products/{product.Id}");
        using var withoutPermission = await plain.GetAsync($"/api/products/{product.Id}");
        using var withView = await viewer.GetAsync($"/api/products/{product.Id}");
        using var withChange = await changer.GetAsync($"/api/products/{product.Id}");

        await anonymous.ExpectProblemAsync(HttpStatusCode.NotFound);
        await withoutPermission.ExpectProblemAsync(HttpStatusCode.NotFound);
        Assert.False((await withView.ExpectJsonAsync()).GetProperty("isActive").GetBoolean());
        await withChange.ExpectJsonAsync();
    }

    [Fact]
    public async Task A_non_numeric_id_is_not_found()
    {
        using var response = await _client.GetAsync("/api/products/lamp");

        await response.ExpectProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Categories_are_listed_by_name_with_their_active_product_count()
    {
        var prefix = ApiTestData.Unique();
        var zebra = await factory.CreateCategoryAsync($"{prefix} Zebra");
        var apple = await factory.CreateCategoryAsync($"{prefix} Apple");
        await factory.CreateProductAsync(zebra);
        await factory.CreateProductAsync(zebra);
        await factory.CreateProductAsync(zebra, active: false);

        using var response = await _client.GetAsync("/api/categories");

        var body = await response.ExpectJsonAsync();
        Assert.Equal(["items"], body.PropertyNames());
        var items = body.GetProperty("items").EnumerateArray().ToList();
        var names = items.Select(c => c.GetProperty("name").GetString()!).ToList();
        Assert.Equal(names.Order(StringComparer.Ordinal), names);
        var ours = items.Where(c => c.GetProperty("name").GetString()!.StartsWith(prefix, StringComparison.Ordinal)).ToList();
        Assert.Equal([apple.Id, zebra.Id], ours.Select(c => c.GetProperty("id").GetInt32()));
        Assert.Equal(["id", "name", "slug", "description", "productCount"], ours[0].PropertyNames());
        Assert.Equal(0, ours[0].GetProperty("productCount").GetInt32());
        Assert.Equal(2, ours[1].GetProperty("productCount").GetInt32());
        Assert.Equal(zebra.Slug, ours[1].GetProperty("slug").GetString());
    }
}
