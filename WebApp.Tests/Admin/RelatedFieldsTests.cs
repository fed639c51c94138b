using System.Net;
using Microsoft.EntityFrameworkCore;
using WebApp.Tests.Infrastructure;

namespace WebApp.Tests.Admin;

/// <summary>Foreign keys in AutocompleteFields never load the related table; Django's related-object popups answer with the saved object.</summary>
public class RelatedFieldsTests : AdminTestBase
{
    private const int Many = 300;

    /// <summary>Many categories, and one product in the first.</summary>
    private async Task<(int ProductId, int[] CategoryIds)> CatalogAsync()
    {
        var catalog = new CatalogBuilder();
        var categories = Enumerable.Range(1, Many).Select(i => catalog.Category($"Category {i:000}")).ToList();
        var product = catalog.Product("Boot", category: categories[0]);
        await catalog.SaveAsync(Factory);
        return (product.Id, categories.Select(c => c.Id).ToArray());
    }

    [Fact]
    public async Task A_product_form_shows_its_category_without_listing_every_category()
    {
        var (productId, _) = await CatalogAsync();
        var client = await SuperuserAsync();

        var response = await client.GetAsync($"/admin/catalog/product/{productId}/change/");
        var html = await response.Content.ReadAsStringAsync();
        var page = await client.GetHtmlAsync($"/admin/catalog/product/{productId}/change/");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Null(page.QuerySelector("select#id_CategoryId"));
        Assert.DoesNotContain("Category 150", html);
        Assert.DoesNotContain("Category 002", html);
        var combobox = page.QuerySelector("#id_CategoryId-search")!;
        Assert.Equal(("combobox", "Category 001", "id_CategoryId-listbox"), (combobox.GetAttribute("role"), combobox.GetAttribute("value"), combobox.GetAttribute("aria-controls")));
        Assert.Contains("field_name=CategoryId", page.QuerySelector(".admin-autocomplete")!.GetAttribute("data-autocomplete-url"));
        Assert.Equal("Current: Category 001", Text(page.QuerySelector("#id_CategoryId-current")!));
        // The add form is as small: no choices at all until the user types.
        var add = await client.GetStringAsync("/admin/catalog/product/add/");
        Assert.DoesNotContain("Category 150", add);
    }

    [Fact]
    public async Task The_key_posted_by_the_widget_saves_and_an_unknown_key_saves_nothing()
    {
        var (productId, categoryIds) = await CatalogAsync();
        var client = await SuperuserAsync();
        var url = $"/admin/catalog/product/{productId}/change/";
        var form = (await client.GetHtmlAsync(url)).FormValues("#product_form");

        var saved = await client.PostWithTokenAsync(url, form.With("CategoryId", categoryIds[149].ToString(System.Globalization.CultureInfo.InvariantCulture)).With("_save", "1"));
        var refused = await client.PostWithTokenAsync(url, form.With("CategoryId", "999999").With("_save", "1"));

        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        var page = await refused.ReadHtmlAsync();
        Assert.Contains("Select a valid choice", Text(page.QuerySelector("#id_CategoryId-errors")!));
        Assert.Equal(categoryIds[149], await Factory.WithDbAsync(db => db.Products.Where(p => p.Id == productId).Select(p => p.CategoryId).SingleAsync()));
    }

    [Fact]
    public async Task A_review_page_does_not_list_every_product()
    {
        var catalog = new CatalogBuilder();
        var products = Enumerable.Range(1, Many).Select(i => catalog.Product($"Product {i:000}")).ToList();
        var review = catalog.Review(products[0], catalog.User("reviewer@example.com"), 4);
        await catalog.SaveAsync(Factory);
        var client = await SuperuserAsync();

        var html = await client.GetStringAsync($"/admin/catalog/review/{review.Id}/change/");

        Assert.Contains("Product 001", html);
        Assert.DoesNotContain("Product 150", html);
        Assert.True(html.Length < 60_000, $"The review page is {html.Length} characters.");
    }

    [Fact]
    public async Task The_category_filter_is_typed_not_listed_and_filters_by_the_chosen_key()
    {
        var (_, categoryIds) = await CatalogAsync();
        var client = await SuperuserAsync();

        var html = await client.GetStringAsync("/admin/catalog/product/?IsActive=1");
        var filtered = await client.GetHtmlAsync($"/admin/catalog/product/?IsActive=1&CategoryId={categoryIds[0]}");
        var other = await client.GetHtmlAsync($"/admin/catalog/product/?CategoryId={categoryIds[1]}");

        Assert.DoesNotContain("Category 150", html);
        Assert.Equal(["Boot"], FirstColumn(filtered));
        Assert.Empty(FirstColumn(other));
        var filter = filtered.QuerySelector("form.admin-filter-autocomplete")!;
        Assert.Equal("Category 001", filter.QuerySelector("[role=combobox]")!.GetAttribute("value"));
        Assert.Equal([("IsActive", "1"), ("CategoryId", categoryIds[0].ToString(System.Globalization.CultureInfo.InvariantCulture))],
            filter.QuerySelectorAll("input[name]").Select(i => (i.GetAttribute("name")!, i.GetAttribute("value") ?? "")).ToList());
    }

    [Fact]
    public async Task Beside_a_foreign_key_are_add_and_change_links_that_open_a_popup_as_far_as_permissions_go()
    {
        var (productId, categoryIds) = await CatalogAsync();
        var superuser = await SuperuserAsync();
        var viewer = await StaffAsync("editor@example.com", "catalog.change_product", "catalog.view_category");

        var page = await superuser.GetHtmlAsync($"/admin/catalog/product/{productId}/change/");
        var limited = await viewer.GetHtmlAsync($"/admin/catalog/product/{productId}/change/");

        var links = page.QuerySelector("[data-related-for=id_CategoryId]")!;
        Assert.Equal("/admin/catalog/category/add/?_popup=1", links.QuerySelector(".admin-related-add")!.GetAttribute("href"));
        var change = links.QuerySelector(".admin-related-change")!;
        Assert.Equal(($"/admin/catalog/category/{categoryIds[0]}/change/?_popup=1", "Change selected category"), (change.GetAttribute("href"), Text(change)));
        var limitedLinks = limited.QuerySelector("[data-related-for=id_CategoryId]")!;
        Assert.Null(limitedLinks.QuerySelector(".admin-related-add"));
        Assert.Equal("View selected category", Text(limitedLinks.QuerySelector(".admin-related-change")!));
    }

    [Fact]
    public async Task Adding_in_a_popup_answers_with_the_new_objects_key_and_escaped_name()
    {
        var client = await SuperuserAsync();
        const string url = "/admin/catalog/category/add/?_popup=1";
        var opened = await client.GetHtmlAsync(url);
        var form = opened.FormValues("#category_form");
        Assert.Contains(new KeyValuePair<string, string>("_popup", "1"), form);
        Assert.Null(opened.QuerySelector("#admin-sidebar")); // shown alone, as Django's popups are
        Assert.Empty(opened.QuerySelectorAll("button[name=_addanother]"));

        var response = await client.PostWithTokenAsync(url, form.With("Name", "<script>alert(1)</script>").With("Slug", "popup-made").With("_save", "1"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.DoesNotContain("<script>alert(1)", html);
        var page = new AngleSharp.Html.Parser.HtmlParser().ParseDocument(html);
        var answer = page.QuerySelector("#admin-popup-response")!;
        var id = await Factory.WithDbAsync(db => db.Categories.Where(c => c.Slug == "popup-made").Select(c => c.Id).SingleAsync());
        Assert.Equal(("add", id.ToString(System.Globalization.CultureInfo.InvariantCulture), "<script>alert(1)</script>"),
            (answer.GetAttribute("data-action"), answer.GetAttribute("data-value"), answer.GetAttribute("data-text")));
        Assert.NotNull(page.QuerySelector("script[src='/admin/popup_response.js']"));
    }

    [Fact]
    public async Task An_invalid_popup_form_stays_a_popup_and_changing_in_a_popup_answers_change()
    {
        var category = await Factory.AddCategoryAsync("Hats");
        var client = await SuperuserAsync();
        var url = $"/admin/catalog/category/{category.Id}/change/?_popup=1";
        var form = (await client.GetHtmlAsync(url)).FormValues("#category_form");

        var invalid = await client.PostWithTokenAsync(url, form.With("Name", "").With("_save", "1"));
        var changed = await client.PostWithTokenAsync(url, form.With("Name", "Caps").With("_save", "1"));

        Assert.Contains(new KeyValuePair<string, string>("_popup", "1"), (await invalid.ReadHtmlAsync()).FormValues("#category_form"));
        var answer = (await changed.ReadHtmlAsync()).QuerySelector("#admin-popup-response")!;
        Assert.Equal(("change", "Caps"), (answer.GetAttribute("data-action"), answer.GetAttribute("data-text")));
        Assert.Equal("Caps", await Factory.WithDbAsync(db => db.Categories.Where(c => c.Id == category.Id).Select(c => c.Name).SingleAsync()));
    }
}
