using WebApp.Orders;
using WebApp.Tests.Infrastructure;

namespace WebApp.Tests.Admin;

public class ChangeListSearchTests : AdminTestBase
{
    private async Task<HttpClient> ProductsAsync(params (string Name, string Sku, string Category)[] products)
    {
        var categories = new Dictionary<string, int>();
        foreach (var (name, sku, categoryName) in products)
        {
            if (!categories.TryGetValue(categoryName, out var categoryId))
                categories[categoryName] = categoryId = (await Factory.AddCategoryAsync(categoryName)).Id;
            await Factory.AddProductAsync(name, categoryId, sku);
        }
        return await SuperuserAsync();
    }

    private static async Task<List<string>> SearchAsync(HttpClient client, string q) =>
        FirstColumn(await client.GetHtmlAsync("/admin/catalog/product/?q=" + Uri.EscapeDataString(q))).Order().ToList();

    [Fact]
    public async Task Quoted_phrases_stay_whole_and_every_term_must_match()
    {
        var client = await ProductsAsync(("Red shoe big", "S1", "Shoes"), ("Red big shoe", "S2", "Shoes"), ("Blue shoe", "S3", "Shoes"));

        Assert.Equal(["Red shoe big"], await SearchAsync(client, "\"red shoe\""));
        Assert.Equal(["Red shoe big"], await SearchAsync(client, "'red shoe'"));
        Assert.Equal(["Red big shoe", "Red shoe big"], await SearchAsync(client, "red big"));
        Assert.Empty(await SearchAsync(client, "red blue"));
    }

    [Fact]
    public async Task A_term_matches_when_any_field_matches_including_a_related_path()
    {
        var client = await ProductsAsync(("Chelsea", "C1", "Boots"), ("Boots polish", "P1", "Care"), ("Sandal", "S1", "Summer"));

        Assert.Equal(["Boots polish", "Chelsea"], await SearchAsync(client, "boots"));
    }

    [Fact]
    public async Task Search_is_case_insensitive()
    {
        var client = await ProductsAsync(("Red Shoe", "S1", "Shoes"), ("Green hat", "H1", "Hats"));

        Assert.Equal(["Red Shoe"], await SearchAsync(client, "RED sHoE"));
    }

    [Fact]
    public async Task A_caret_field_matches_from_the_start_only()
    {
        var client = await ProductsAsync(("Alpha", "AB-1", "Misc"), ("Beta", "XAB-2", "Misc"));

        Assert.Equal(["Alpha"], await SearchAsync(client, "ab"));
    }

    [Fact]
    public async Task An_equals_field_matches_the_whole_value_ignoring_case()
    {
        var customer = await Factory.CreateUserAsync("buyer@example.com");
        await Factory.AddOrderAsync("ORD-1", customer);
        await Factory.AddOrderAsync("ORD-10", customer);
        var client = await SuperuserAsync();

        var page = await client.GetHtmlAsync("/admin/orders/order/?q=ord-1");

        Assert.Equal(["ORD-1"], FirstColumn(page));
    }

    [Fact]
    public async Task Like_wildcards_in_the_search_are_literal()
    {
        var client = await ProductsAsync(("100% cotton", "T1", "Shirts"), ("100 cotton", "T2", "Shirts"), ("a_b", "T3", "Shirts"), ("axb", "T4", "Shirts"), ("back\\slash", "T5", "Shirts"));

        Assert.Equal(["100% cotton"], await SearchAsync(client, "100%"));
        Assert.Equal(["a_b"], await SearchAsync(client, "a_b"));
        Assert.Equal(["back\\slash"], await SearchAsync(client, "k\\s"));
        Assert.Equal(["100% cotton"], await SearchAsync(client, "%"));
    }

    [Fact]
    public async Task A_search_with_very_many_terms_still_answers()
    {
        var client = await ProductsAsync(("Red shoe", "S1", "Shoes"));

        var (response, page) = await GetAsync(client, "/admin/catalog/product/?q=" + Uri.EscapeDataString(string.Join(' ', Enumerable.Repeat("red", 500))));

        Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(["Red shoe"], FirstColumn(page));
    }

    [Fact]
    public async Task The_result_line_counts_matches_and_total()
    {
        var client = await ProductsAsync(("Red shoe", "S1", "Shoes"), ("Blue shoe", "S2", "Shoes"), ("Hat", "H1", "Hats"));

        var page = await client.GetHtmlAsync("/admin/catalog/product/?q=shoe");

        Assert.Contains("2 results (3 total)", page.QuerySelector(".admin-search")!.TextContent.Replace("\n", " "));
        Assert.Equal("shoe", page.QuerySelector("#searchbar")!.GetAttribute("value"));
    }

    [Fact]
    public async Task A_search_keeps_the_current_filters_as_hidden_fields()
    {
        var client = await ProductsAsync(("Red shoe", "S1", "Shoes"));

        var page = await client.GetHtmlAsync("/admin/catalog/product/?IsActive=1&o=2");

        var hidden = page.QuerySelectorAll(".admin-search input[type=hidden]").Select(i => (i.GetAttribute("name"), i.GetAttribute("value"))).ToList();
        Assert.Contains(("IsActive", "1"), hidden);
        Assert.Contains(("o", "2"), hidden);
    }

    [Fact]
    public async Task An_overlong_search_reads_its_first_200_characters_and_answers_normally()
    {
        var category = await Factory.AddCategoryAsync("Shoes");
        await Factory.AddProductAsync("Boot", category.Id);
        var client = await SuperuserAsync();

        using var response = await client.GetAsync("/admin/catalog/product/?q=" + "Boot" + new string('x', 100_000));

        Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
        Assert.Empty(FirstColumn(await response.ReadHtmlAsync()));
    }
}
