using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using Microsoft.Extensions.DependencyInjection;
using WebApp.Admin;
using WebApp.Catalog;
using WebApp.Tests.Infrastructure;

namespace WebApp.Tests.Api;

/// <summary>POST, PUT and DELETE /api/products: validation, conflicts, preconditions and the admin's history log.</summary>
public class ProductWriteTests(ApiFactory factory) : IClassFixture<ApiFactory>
{
    private async Task<HttpClient> EditorAsync() =>
        (await factory.UserClientAsync($"editor-{ApiTestData.Unique()}@example.com", superuser: true)).Client;

    private static Dictionary<string, object?> ValidProduct(Category category, string? id = null)
    {
        id ??= ApiTestData.Unique();
        return new()
        {
            ["name"] = $"Desk lamp {id}",
            ["slug"] = $"desk-lamp-{id}",
            ["sku"] = $"LAMP-{id}",
            ["description"] = "Warm light.",
            ["price"] = 24.90m,
            ["stock"] = 12,
            ["categoryId"] = category.Id,
        };
    }

    private static StringContent RawJson(string json) => new(json, Encoding.UTF8, "application/json");

    private IReadOnlyList<FieldChange> ChangesOf(LogEntry entry)
    {
        using var scope = factory.Services.CreateScope();
        return scope.ServiceProvider.GetRequiredService<IAdminHistory>().ReadChanges(entry);
    }

    [Fact]
    public async Task Creating_a_product_answers_201_with_its_location_and_logs_it_in_the_admin_history()
    {
        var client = await EditorAsync();
        var category = await factory.CreateCategoryAsync();
        var request = ValidProduct(category);

        using var response = await client.PostAsJsonAsync("/api/products", request);

        var body = await response.ExpectJsonAsync(HttpStatusCode.Created);
        var id = body.GetProperty("id").GetInt32();
        Assert.Equal(new Uri($"http://localhost/api/products/{id}"), response.Headers.Location);
        Assert.Equal(request["name"], body.GetProperty("name").GetString());
        Assert.Equal(category.Id, body.GetProperty("category").GetProperty("id").GetInt32());
        Assert.True(body.GetProperty("isActive").GetBoolean());
        var saved = await factory.FindProductAsync(id);
        Assert.Equal(24.90m, saved!.Price);
        Assert.Equal(request["sku"], saved.Sku);

        var entry = Assert.Single(await factory.HistoryOfAsync(id));
        Assert.Equal(LogAction.Add, entry.Action);
        Assert.Equal((string)request["name"]!, entry.ObjectRepr);
        Assert.Contains(ChangesOf(entry), c => c.Field == "Price" && c.Old is null && c.New == "24.90");
    }

    [Fact]
    public async Task Every_invalid_field_is_reported_with_the_entitys_own_message()
    {
        var client = await EditorAsync();
        var category = await factory.CreateCategoryAsync();
        var request = ValidProduct(category);
        request["name"] = new string('n', 201);
        request["slug"] = "Not A Slug";
        request["sku"] = "";
        request["price"] = -1m;
        request["stock"] = -5;

        using var response = await client.PostAsJsonAsync("/api/products", request);

        var problem = await response.ExpectProblemAsync(HttpStatusCode.BadRequest);
        Assert.Equal(["The field Name must be a string with a maximum length of 200."], problem.FieldErrors("name"));
        Assert.Equal([Slugs.ErrorMessage], problem.FieldErrors("slug"));
        Assert.Equal(["The SKU field is required."], problem.FieldErrors("sku"));
        Assert.Equal(["Price must be between 0 and 99,999,999.99."], problem.FieldErrors("price"));
        Assert.Equal(["Stock cannot be negative."], problem.FieldErrors("stock"));
        Assert.Equal(5, problem.GetProperty("errors").EnumerateObject().Count());
    }

    [Fact]
    public async Task Missing_fields_are_required()
    {
        var client = await EditorAsync();

        using var response = await client.PostAsJsonAsync("/api/products", new { description = "Only this." });

        var problem = await response.ExpectProblemAsync(HttpStatusCode.BadRequest);
        Assert.Equal(["categoryId", "name", "price", "sku", "slug", "stock"], problem.GetProperty("errors").PropertyNames().Order(StringComparer.Ordinal));
        Assert.Equal(["The Name field is required."], problem.FieldErrors("name"));
        Assert.Equal(["The Category field is required."], problem.FieldErrors("categoryId"));
        Assert.Equal(["The Price field is required."], problem.FieldErrors("price"));
    }

    [Theory]
    [InlineData("{\"price\": \"cheap\"}", "price", "The value is not valid: expected a number.")]
    [InlineData("{\"price\": \"12.50\"}", "price", "The value is not valid: expected a number.")]
    [InlineData("{\"stock\": 1.5}", "stock", "The value is not valid: expected a whole number.")]
    [InlineData("{\"isActive\": \"yes\"}", "isActive", "The value is not valid: expected true or false.")]
    [InlineData("{\"colour\": \"red\"}", "colour", "\"colour\" is not a field of this request.")]
    [InlineData("{\"name\": ", "body", "The request body is not valid JSON, or not a JSON object.")]
    [InlineData("[1, 2]", "body", "The request body is not valid JSON, or not a JSON object.")]
    [InlineData("", "body", "A non-empty request body is required.")]
    public async Task Unreadable_json_is_a_400_naming_the_field(string json, string field, string message)
    {
        var client = await EditorAsync();

        using var response = await client.PostAsync("/api/products", RawJson(json));

        var problem = await response.ExpectProblemAsync(HttpStatusCode.BadRequest);
        Assert.Equal([message], problem.FieldErrors(field));
        Assert.DoesNotContain("System.", problem.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_price_with_more_than_two_decimals_is_refused()
    {
        var client = await EditorAsync();
        var request = ValidProduct(await factory.CreateCategoryAsync());
        request["price"] = 1.005m;

        using var response = await client.PostAsJsonAsync("/api/products", request);

        Assert.Equal(["Price must have at most two decimals."], (await response.ExpectProblemAsync(HttpStatusCode.BadRequest)).FieldErrors("price"));
    }

    [Fact]
    public async Task An_unknown_category_is_a_field_error_and_nothing_is_saved()
    {
        var client = await EditorAsync();
        var request = ValidProduct(await factory.CreateCategoryAsync());
        request["categoryId"] = 999_999;

        using var response = await client.PostAsJsonAsync("/api/products", request);

        var problem = await response.ExpectProblemAsync(HttpStatusCode.BadRequest);
        Assert.Equal(["No category has the id 999999."], problem.FieldErrors("categoryId"));
        Assert.False(await factory.WithDbAsync(db => Task.FromResult(db.Products.Any(p => p.Slug == (string)request["slug"]!))));
    }

    [Theory]
    [InlineData("slug", "Product with this Slug already exists.")]
    [InlineData("sku", "Product with this SKU already exists.")]
    public async Task A_taken_slug_or_sku_is_a_409_naming_the_field(string field, string message)
    {
        var client = await EditorAsync();
        var category = await factory.CreateCategoryAsync();
        var existing = await factory.CreateProductAsync(category);
        var request = ValidProduct(category);
        request[field] = field == "slug" ? existing.Slug : existing.Sku;

        using var response = await client.PostAsJsonAsync("/api/products", request);

        var problem = await response.ExpectProblemAsync(HttpStatusCode.Conflict);
        Assert.Equal([message], problem.FieldErrors(field));
        Assert.Single(problem.GetProperty("errors").EnumerateObject());
    }

    [Fact]
    public async Task Replacing_a_product_logs_old_and_new_values()
    {
        var client = await EditorAsync();
        var category = await factory.CreateCategoryAsync();
        var product = await factory.CreateProductAsync(category, "Old name", price: 10m);
        var request = ValidProduct(category);
        request["name"] = "New name";
        request["slug"] = product.Slug;
        request["sku"] = product.Sku;
        request["price"] = 12.5m;
        request["isActive"] = false;

        using var response = await client.PutAsJsonAsync($"/api/products/{product.Id}", request);

        var body = await response.ExpectJsonAsync();
        Assert.Equal("New name", body.GetProperty("name").GetString());
        Assert.False(body.GetProperty("isActive").GetBoolean());
        var entry = Assert.Single(await factory.HistoryOfAsync(product.Id));
        Assert.Equal(LogAction.Change, entry.Action);
        var changes = ChangesOf(entry);
        Assert.Contains(changes, c => c.Field == "Name" && c.Old == "Old name" && c.New == "New name");
        Assert.Contains(changes, c => c.Field == "Price" && c.Old == "10.00" && c.New == "12.50");
        Assert.Contains(changes, c => c.Field == "IsActive" && c.Old == "True" && c.New == "False");
        Assert.DoesNotContain(changes, c => c.Field == "Slug");
    }

    [Fact]
    public async Task Replacing_with_another_products_slug_is_a_409_and_changes_nothing()
    {
        var client = await EditorAsync();
        var category = await factory.CreateCategoryAsync();
        var product = await factory.CreateProductAsync(category, "Mine");
        var other = await factory.CreateProductAsync(category);
        var request = ValidProduct(category);
        request["slug"] = other.Slug;

        using var response = await client.PutAsJsonAsync($"/api/products/{product.Id}", request);

        Assert.Equal(["Product with this Slug already exists."], (await response.ExpectProblemAsync(HttpStatusCode.Conflict)).FieldErrors("slug"));
        Assert.Equal("Mine", (await factory.FindProductAsync(product.Id))!.Name);
        Assert.Empty(await factory.HistoryOfAsync(product.Id));
    }

    [Fact]
    public async Task Replacing_a_missing_product_is_a_404()
    {
        var client = await EditorAsync();

        using var response = await client.PutAsJsonAsync("/api/products/987654", ValidProduct(await factory.CreateCategoryAsync()));

        await response.ExpectProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task If_match_refuses_to_overwrite_a_product_changed_since_it_was_read()
    {
        var client = await EditorAsync();
        var category = await factory.CreateCategoryAsync();
        var product = await factory.CreateProductAsync(category, "Original");
        using var read = await client.GetAsync($"/api/products/{product.Id}");
        var etag = read.Headers.ETag!;
        var request = ValidProduct(category);
        request["slug"] = product.Slug;
        request["sku"] = product.Sku;

        using var first = new HttpRequestMessage(HttpMethod.Put, $"/api/products/{product.Id}") { Content = JsonContent.Create(request) };
        first.Headers.IfMatch.Add(etag);
        using var firstResponse = await client.SendAsync(first);
        var firstName = (string)request["name"]!;
        request["name"] = "Second writer";
        using var second = new HttpRequestMessage(HttpMethod.Put, $"/api/products/{product.Id}") { Content = JsonContent.Create(request) };
        second.Headers.IfMatch.Add(etag);
        using var secondResponse = await client.SendAsync(second);

        await firstResponse.ExpectJsonAsync();
        Assert.NotEqual(etag, firstResponse.Headers.ETag);
        await secondResponse.ExpectProblemAsync(HttpStatusCode.PreconditionFailed);
        Assert.Equal(firstName, (await factory.FindProductAsync(product.Id))!.Name);
    }

    [Fact]
    public async Task Deleting_a_product_answers_204_and_logs_it()
    {
        var client = await EditorAsync();
        var product = await factory.CreateProductAsync(await factory.CreateCategoryAsync(), "Going");

        using var response = await client.DeleteAsync($"/api/products/{product.Id}");

        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        Assert.Null(await factory.FindProductAsync(product.Id));
        var entry = Assert.Single(await factory.HistoryOfAsync(product.Id));
        Assert.Equal(LogAction.Delete, entry.Action);
        Assert.Equal("Going", entry.ObjectRepr);
    }

    [Fact]
    public async Task A_product_with_order_lines_cannot_be_deleted()
    {
        var (client, userId) = await factory.UserClientAsync($"deleter-{ApiTestData.Unique()}@example.com", superuser: true);
        var product = await factory.CreateProductAsync(await factory.CreateCategoryAsync(), "Ordered");
        await factory.CreateOrderAsync(userId, product);

        using var response = await client.DeleteAsync($"/api/products/{product.Id}");

        var problem = await response.ExpectProblemAsync(HttpStatusCode.Conflict);
        Assert.Equal(
            "\"Ordered\" cannot be deleted: 1 order line refers to it, and orders keep their lines. Set isActive to false to take it off sale instead.",
            problem.GetProperty("detail").GetString());
        Assert.NotNull(await factory.FindProductAsync(product.Id));
        Assert.Empty(await factory.HistoryOfAsync(product.Id));
    }

    [Fact]
    public async Task Deleting_a_missing_product_is_a_404()
    {
        var client = await EditorAsync();

        using var response = await client.DeleteAsync("/api/products/987654");

        await response.ExpectProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task A_body_that_is_not_json_is_a_415_problem()
    {
        var client = await EditorAsync();

        using var response = await client.PostAsync("/api/products", new StringContent("name=Lamp", Encoding.UTF8, "application/x-www-form-urlencoded"));

        await response.ExpectProblemAsync(HttpStatusCode.UnsupportedMediaType);
    }

    [Fact]
    public async Task Api_changes_appear_on_the_admins_history_page()
    {
        var client = await EditorAsync();
        var category = await factory.CreateCategoryAsync();
        var product = await factory.CreateProductAsync(category, "Before");
        var request = ValidProduct(category);
        request["name"] = "After <b>bold</b>";
        request["slug"] = product.Slug;
        request["sku"] = product.Sku;
        using (var response = await client.PutAsJsonAsync($"/api/products/{product.Id}", request))
            await response.ExpectJsonAsync();
        var admin = await factory.LoggedInClientAsync($"admin-{ApiTestData.Unique()}@example.com", staff: true, superuser: true);

        var page = await admin.GetHtmlAsync($"/admin/catalog/product/{product.Id}/history/");

        var text = page.Body!.TextContent;
        Assert.Contains("Before", text);
        Assert.Contains("After <b>bold</b>", text);
    }
}
