using System.Net;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using WebApp.Tests.Infrastructure;

namespace WebApp.Tests.Admin;

/// <summary>/admin/autocomplete/: Django's JSON, pages of 20 from the target registration's search, its permissions and its refusals.</summary>
public class AutocompleteTests : AdminTestBase
{
    private const string ProductCategory = "/admin/autocomplete/?app_label=catalog&model_name=product&field_name=CategoryId";

    private async Task CategoriesAsync(params string[] names)
    {
        var catalog = new CatalogBuilder();
        foreach (var name in names) catalog.Category(name);
        await catalog.SaveAsync(Factory);
    }

    private static async Task<(List<(string Id, string Text)> Results, bool More)> ReadAsync(HttpClient client, string url)
    {
        var response = await client.GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var results = json.RootElement.GetProperty("results").EnumerateArray()
            .Select(r => (r.GetProperty("id").GetString()!, r.GetProperty("text").GetString()!)).ToList();
        return (results, json.RootElement.GetProperty("pagination").GetProperty("more").GetBoolean());
    }

    [Fact]
    public async Task Pages_hold_twenty_in_the_targets_order_and_the_last_page_says_there_is_no_more()
    {
        await CategoriesAsync([.. Enumerable.Range(1, 45).Reverse().Select(i => $"Category {i:00}")]);
        var client = await SuperuserAsync();

        var first = await ReadAsync(client, ProductCategory);
        var second = await ReadAsync(client, ProductCategory + "&page=2");
        var third = await ReadAsync(client, ProductCategory + "&page=3");

        Assert.Equal((20, true), (first.Results.Count, first.More));
        Assert.Equal((20, true), (second.Results.Count, second.More));
        Assert.Equal((5, false), (third.Results.Count, third.More));
        var texts = first.Results.Concat(second.Results).Concat(third.Results).Select(r => r.Text).ToList();
        Assert.Equal(Enumerable.Range(1, 45).Select(i => $"Category {i:00}"), texts); // CategoryAdmin orders by name
        var ids = await Factory.WithDbAsync(db => db.Categories.ToDictionaryAsync(c => c.Name, c => c.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        Assert.All(first.Results, r => Assert.Equal(ids[r.Text], r.Id));
    }

    [Fact]
    public async Task The_term_searches_the_target_registrations_search_fields_every_word_matching()
    {
        await CategoriesAsync("Shoes", "Snowshoes", "Hats", "Red shoes");
        var client = await SuperuserAsync();

        Assert.Equal(["Red shoes", "Shoes", "Snowshoes"], (await ReadAsync(client, ProductCategory + "&term=SHOE")).Results.Select(r => r.Text));
        Assert.Equal(["Red shoes"], (await ReadAsync(client, ProductCategory + "&term=shoe%20red")).Results.Select(r => r.Text));
        Assert.Empty((await ReadAsync(client, ProductCategory + "&term=boots")).Results);
        // The navigation's name (Django's field name) works as well as the form's.
        Assert.Equal(["Hats"], (await ReadAsync(client, ProductCategory.Replace("CategoryId", "Category") + "&term=hat")).Results.Select(r => r.Text));
    }

    [Fact]
    public async Task Text_is_json_escaped()
    {
        await CategoriesAsync("<script>alert(1)</script>");
        var client = await SuperuserAsync();

        var body = await client.GetStringAsync(ProductCategory);

        Assert.DoesNotContain("<script>", body);
        Assert.Equal("<script>alert(1)</script>", (await ReadAsync(client, ProductCategory)).Results.Single().Text);
    }

    [Fact]
    public async Task It_needs_view_permission_on_the_target_model()
    {
        await CategoriesAsync("Shoes");
        var productsOnly = await StaffAsync("products@example.com", "catalog.change_product");
        var categories = await StaffAsync("categories@example.com", "catalog.view_category");

        Assert.Equal(HttpStatusCode.Forbidden, (await productsOnly.GetAsync(ProductCategory)).StatusCode);
        Assert.Equal(["Shoes"], (await ReadAsync(categories, ProductCategory)).Results.Select(r => r.Text));
    }

    [Fact]
    public async Task Anonymous_users_are_sent_to_the_login_page()
    {
        await CategoriesAsync("Shoes");

        var response = await Factory.CreateBrowserClient().GetAsync(ProductCategory);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("http://localhost/Identity/Account/Login?ReturnUrl=", Location(response));
    }

    [Theory]
    [InlineData("/admin/autocomplete/")]
    [InlineData("/admin/autocomplete/?app_label=nope&model_name=product&field_name=CategoryId")]
    [InlineData("/admin/autocomplete/?app_label=catalog&model_name=nope&field_name=CategoryId")]
    [InlineData("/admin/autocomplete/?app_label=catalog&model_name=product&field_name=Nope")]
    [InlineData("/admin/autocomplete/?app_label=catalog&model_name=product&field_name=Name")]
    [InlineData("/admin/autocomplete/?app_label=catalog&model_name=product&field_name=Tags")]
    [InlineData("/admin/autocomplete/?app_label=catalog&model_name=category&field_name=Products")]
    [InlineData(ProductCategory + "&page=abc")]
    [InlineData(ProductCategory + "&page=0")]
    [InlineData(ProductCategory + "&page=-1")]
    [InlineData(ProductCategory + "&page=99999999999")]
    public async Task Bad_parameters_are_a_404(string url)
    {
        var client = await SuperuserAsync();

        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync(url)).StatusCode);
    }

    [Fact]
    public async Task A_page_past_the_end_is_empty()
    {
        await CategoriesAsync("Shoes");
        var client = await SuperuserAsync();

        var (results, more) = await ReadAsync(client, ProductCategory + "&page=2147483647");

        Assert.Empty(results);
        Assert.False(more);
    }
}
