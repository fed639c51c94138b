using Microsoft.AspNetCore.WebUtilities;
using System.Net;
using Microsoft.EntityFrameworkCore;
using WebApp.Orders;
using WebApp.Tests.Infrastructure;
using static WebApp.Tests.Infrastructure.HtmlForms;

namespace WebApp.Tests.Admin;

public class ChangeFormTests : AdminTestBase
{
    private static List<KeyValuePair<string, string>> NewProduct(int categoryId, string name = "Trail runner", string sku = "TR-1") =>
    [
        Field("Name", name), Field("Slug", "trail-runner-" + sku.ToLowerInvariant()), Field("Sku", sku), Field("CategoryId", categoryId.ToString()),
        Field("Description", ""), Field("Price", "59.90"), Field("Stock", "12"), Field("IsActive", "true"), Field("_save", "1"),
    ];

    [Fact]
    public async Task The_add_form_shows_widgets_help_text_and_required_markers()
    {
        await Factory.AddCategoryAsync("Shoes");
        await Factory.AddTagAsync("Summer");
        var client = await SuperuserAsync();

        var page = await client.GetHtmlAsync("/admin/catalog/product/add/");

        Assert.Equal("Add product", page.QuerySelector("h1")!.TextContent);
        Assert.Equal("text", page.QuerySelector("#id_Name")!.GetAttribute("type"));
        Assert.Equal("200", page.QuerySelector("#id_Name")!.GetAttribute("maxlength"));
        Assert.True(page.QuerySelector("#id_Name")!.HasAttribute("required"));
        Assert.Equal("TEXTAREA", page.QuerySelector("#id_Description")!.TagName);
        Assert.Equal("number", page.QuerySelector("#id_Price")!.GetAttribute("type"));
        Assert.Equal("0.01", page.QuerySelector("#id_Price")!.GetAttribute("step"));
        Assert.Equal("checkbox", page.QuerySelector("#id_IsActive")!.GetAttribute("type"));
        Assert.Equal("combobox", page.QuerySelector("#id_CategoryId-search")!.GetAttribute("role")); // AutocompleteFields: typed, never listed
        Assert.True(page.QuerySelector("#id_Tags")!.HasAttribute("multiple"));
        Assert.Equal("Stock-keeping unit; unique per product.", page.QuerySelector("#id_Sku-help")!.TextContent);
        Assert.Equal("id_Sku-help", page.QuerySelector("#id_Sku")!.GetAttribute("aria-describedby"));
        Assert.NotNull(page.QuerySelector("label[for=id_Sku] .text-danger"));
        Assert.Equal("^[a-z0-9]+(?:-[a-z0-9]+)*$", page.QuerySelector("#id_Slug")!.GetAttribute("pattern"));
        Assert.Empty(page.QuerySelectorAll("#id_CreatedAt"));
        Assert.Empty(page.QuerySelectorAll("input[name=Id]"));
    }

    [Fact]
    public async Task Other_widget_kinds_follow_the_property_types()
    {
        var customer = await Factory.CreateUserAsync("buyer@example.com");
        var order = await Factory.AddOrderAsync("ORD-1", customer);
        var client = await SuperuserAsync();

        var page = await client.GetHtmlAsync($"/admin/orders/order/{order.Id}/change/");

        Assert.Equal("email", page.QuerySelector("#id_ContactEmail")!.GetAttribute("type"));
        // The status is read-only (it moves through the order actions); an enum select is covered by the widget's test.
        Assert.Null(page.QuerySelector("#id_Status"));
        Assert.Equal(["ORD-1", "buyer@example.com", "Pending"], page.QuerySelectorAll(".admin-readonly").Take(3).Select(e => e.TextContent.Trim()));
        Assert.Empty(page.QuerySelectorAll("input[name=Number]"));
        Assert.NotNull(page.QuerySelector("details summary"));
    }

    [Fact]
    public async Task A_message_shows_once_after_its_redirect_and_pages_without_one_set_no_cookie()
    {
        var category = await Factory.AddCategoryAsync("Shoes");
        var client = await SuperuserAsync();
        using (var plain = await client.GetAsync("/admin/catalog/product/"))
        {
            var cookies = plain.Headers.TryGetValues("Set-Cookie", out var values) ? values.ToList() : [];
            Assert.DoesNotContain(cookies, c => c.Contains("TempData", StringComparison.Ordinal));
        }

        using var response = await client.PostWithTokenAsync("/admin/catalog/product/add/", NewProduct(category.Id));

        Assert.Equal(["The product \"Trail runner\" was added successfully."], Messages(await client.GetHtmlAsync(Location(response))));
        Assert.Empty(Messages(await client.GetHtmlAsync(Location(response))));
    }

    [Fact]
    public async Task Adding_saves_the_object_logs_it_and_returns_to_the_changelist()
    {
        var category = await Factory.AddCategoryAsync("Shoes");
        var summer = await Factory.AddTagAsync("Summer");
        var client = await SuperuserAsync();

        using var response = await client.PostWithTokenAsync("/admin/catalog/product/add/", NewProduct(category.Id).With("Tags", summer.Id.ToString()));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/admin/catalog/product/", Location(response));
        var product = await Factory.WithDbAsync(db => db.Products.Include(p => p.Tags).SingleAsync());
        Assert.Equal(("Trail runner", 59.90m, 12, true), (product.Name, product.Price, product.Stock, product.IsActive));
        Assert.Equal(["Summer"], product.Tags.Select(t => t.Name));
        var page = await client.GetHtmlAsync(Location(response));
        Assert.Contains("The product \"Trail runner\" was added successfully.", Messages(page));
        Assert.Equal(1, await Factory.WithDbAsync(db => db.Set<WebApp.Admin.LogEntry>().CountAsync()));
    }

    [Fact]
    public async Task Validation_errors_come_back_with_a_summary_and_field_errors_and_nothing_is_saved()
    {
        var category = await Factory.AddCategoryAsync("Shoes");
        var client = await SuperuserAsync();

        using var response = await client.PostWithTokenAsync("/admin/catalog/product/add/",
            NewProduct(category.Id).With("Name", "").With("Slug", "Not A Slug").With("Price", "-1").With("Stock", "many"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await response.ReadHtmlAsync();
        Assert.Equal("Please correct the errors below.", page.QuerySelector(".errornote")!.ChildNodes[0].TextContent.Trim());
        Assert.Equal("This field is required.", page.QuerySelector("#id_Name-errors")!.TextContent.Trim());
        Assert.Contains("lower-case letters", page.QuerySelector("#id_Slug-errors")!.TextContent);
        Assert.Contains("Price must be between", page.QuerySelector("#id_Price-errors")!.TextContent);
        Assert.Equal("Enter a whole number.", page.QuerySelector("#id_Stock-errors")!.TextContent.Trim());
        Assert.Equal("Not A Slug", page.QuerySelector("#id_Slug")!.GetAttribute("value"));
        Assert.Equal(0, await Factory.WithDbAsync(db => db.Products.CountAsync()));
    }

    [Fact]
    public async Task A_foreign_key_outside_the_choices_is_a_field_error()
    {
        var category = await Factory.AddCategoryAsync("Shoes");
        var client = await SuperuserAsync();

        using var response = await client.PostWithTokenAsync("/admin/catalog/product/add/", NewProduct(category.Id).With("CategoryId", "9999"));

        var page = await response.ReadHtmlAsync();
        Assert.Contains("Select a valid choice", page.QuerySelector("#id_CategoryId-errors")!.TextContent);
    }

    [Fact]
    public async Task A_unique_index_violation_is_a_field_error()
    {
        var category = await Factory.AddCategoryAsync("Shoes");
        await Factory.AddProductAsync("Existing", category.Id, sku: "DUP-1");
        var client = await SuperuserAsync();

        using var response = await client.PostWithTokenAsync("/admin/catalog/product/add/", NewProduct(category.Id, sku: "DUP-1"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await response.ReadHtmlAsync();
        Assert.Equal("Product with this SKU already exists.", page.QuerySelector("#id_Sku-errors")!.TextContent.Trim());
        Assert.Equal(1, await Factory.WithDbAsync(db => db.Products.CountAsync()));
    }

    [Fact]
    public async Task Changing_saves_only_the_shown_fields()
    {
        var category = await Factory.AddCategoryAsync("Shoes");
        var product = await Factory.AddProductAsync("Old name", category.Id, sku: "OLD-1");
        var created = await Factory.WithDbAsync(db => db.Products.Select(p => p.CreatedAt).SingleAsync());
        var client = await SuperuserAsync();
        var url = $"/admin/catalog/product/{product.Id}/change/";
        var form = (await client.GetHtmlAsync(url)).FormValues("#product_form");

        // Posting fields that are not on the form (or are read-only) must change nothing.
        using var response = await client.PostWithTokenAsync(url, form.With("Name", "New name").With("Id", "999").With("CreatedAt", "2001-01-01T00:00:00")
            .With("UpdatedAt", "2001-01-01T00:00:00").With("_save", "1"));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var saved = await Factory.WithDbAsync(db => db.Products.SingleAsync());
        Assert.Equal(("New name", product.Id, "OLD-1", created), (saved.Name, saved.Id, saved.Sku, saved.CreatedAt));
    }

    [Theory]
    [InlineData("q%3Dcaf%C3%A9")]
    [InlineData("q%3Dx%0D%0ALocation%3A%20https%3A%2F%2Fevil.example")]
    public async Task Preserved_filters_from_the_address_are_re_encoded_into_the_redirect(string preserved)
    {
        var category = await Factory.AddCategoryAsync("Shoes");
        var client = await SuperuserAsync();
        var url = $"/admin/catalog/category/{category.Id}/change/?_changelist_filters={preserved}";
        var form = (await client.GetHtmlAsync(url)).FormValues("#category_form");

        using var response = await client.PostWithTokenAsync(url, form.With("Name", "Boots").With("_save", "1"));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var location = Location(response);
        Assert.StartsWith("/admin/catalog/category/?q=", location);
        Assert.DoesNotContain("\n", location);
        Assert.Equal(Uri.UnescapeDataString(preserved).Split('=', 2)[1], QueryHelpers.ParseQuery(new Uri("http://x" + location).Query)["q"].ToString());
    }

    [Fact]
    public async Task Overposting_read_only_order_fields_changes_nothing()
    {
        var customer = await Factory.CreateUserAsync("buyer@example.com");
        var order = await Factory.AddOrderAsync("ORD-1", customer);
        var client = await SuperuserAsync();
        var url = $"/admin/orders/order/{order.Id}/change/";
        var form = (await client.GetHtmlAsync(url)).FormValues("#order_form");

        using var response = await client.PostWithTokenAsync(url, form.With("Number", "HACKED").With("Total", "0.01").With("Status", "Shipped").With("_save", "1"));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var saved = await Factory.WithDbAsync(db => db.Orders.SingleAsync());
        Assert.Equal(("ORD-1", 25m, OrderStatus.Pending), (saved.Number, saved.Total, saved.Status));
    }

    [Fact]
    public async Task A_stale_save_is_refused_and_the_users_input_is_kept()
    {
        var customer = await Factory.CreateUserAsync("buyer@example.com");
        var order = await Factory.AddOrderAsync("ORD-1", customer);
        var client = await SuperuserAsync();
        var url = $"/admin/orders/order/{order.Id}/change/";
        var form = (await client.GetHtmlAsync(url)).FormValues("#order_form");
        Assert.Contains(form, f => f.Key == "_concurrency.Version");

        // Someone else saves the order after the form was opened.
        await Factory.WithDbAsync(async db =>
        {
            var current = await db.Orders.SingleAsync();
            current.ShippingCity = "Paris";
            await db.SaveChangesAsync();
        });

        using var response = await client.PostWithTokenAsync(url, form.With("ShippingCity", "Berlin").With("_save", "1"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await response.ReadHtmlAsync();
        Assert.Contains("changed by someone else", page.QuerySelector(".errornote")!.TextContent);
        Assert.Equal("Berlin", page.QuerySelector("#id_ShippingCity")!.GetAttribute("value"));
        Assert.Equal("Paris", await Factory.WithDbAsync(db => db.Orders.Select(o => o.ShippingCity).SingleAsync()));
    }

    [Fact]
    public async Task A_missing_concurrency_token_is_treated_as_stale()
    {
        var customer = await Factory.CreateUserAsync("buyer@example.com");
        var order = await Factory.AddOrderAsync("ORD-1", customer);
        var client = await SuperuserAsync();
        var url = $"/admin/orders/order/{order.Id}/change/";
        var form = (await client.GetHtmlAsync(url)).FormValues("#order_form").Without("_concurrency.Version");

        using var response = await client.PostWithTokenAsync(url, form.With("ShippingCity", "Berlin"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("London", await Factory.WithDbAsync(db => db.Orders.Select(o => o.ShippingCity).SingleAsync()));
    }

    [Fact]
    public async Task Save_buttons_redirect_to_the_changelist_the_object_or_a_new_form_keeping_filters()
    {
        var category = await Factory.AddCategoryAsync("Shoes");
        var client = await SuperuserAsync();
        const string filters = "IsActive=1&o=2";
        var addUrl = "/admin/catalog/product/add/?_changelist_filters=" + Uri.EscapeDataString(filters);

        using var save = await client.PostWithTokenAsync(addUrl, NewProduct(category.Id, "One", "S-1"));
        Assert.Equal("/admin/catalog/product/?" + filters, Location(save));

        using var addAnother = await client.PostWithTokenAsync(addUrl, NewProduct(category.Id, "Two", "S-2").Without("_save").With("_addanother", "1"));
        Assert.Equal(addUrl, Location(addAnother));

        using var continueEditing = await client.PostWithTokenAsync(addUrl, NewProduct(category.Id, "Three", "S-3").Without("_save").With("_continue", "1"));
        var id = await Factory.WithDbAsync(db => db.Products.Where(p => p.Name == "Three").Select(p => p.Id).SingleAsync());
        Assert.Equal($"/admin/catalog/product/{id}/change/?_changelist_filters=" + Uri.EscapeDataString(filters), Location(continueEditing));
        var page = await client.GetHtmlAsync(Location(continueEditing));
        Assert.Contains("The product \"Three\" was added successfully. You may edit it again below.", Messages(page));
    }

    [Fact]
    public async Task Changelist_links_carry_the_filters_to_the_change_page()
    {
        var category = await Factory.AddCategoryAsync("Shoes");
        var product = await Factory.AddProductAsync("Boot", category.Id);
        var client = await SuperuserAsync();

        var list = await client.GetHtmlAsync("/admin/catalog/product/?IsActive=1&q=boot");

        var link = list.QuerySelector("#result_list tbody a")!.GetAttribute("href");
        Assert.Equal($"/admin/catalog/product/{product.Id}/change/?_changelist_filters=" + Uri.EscapeDataString("IsActive=1&q=boot"), link);
        Assert.Equal("/admin/catalog/product/add/?_changelist_filters=" + Uri.EscapeDataString("IsActive=1&q=boot"),
            list.QuerySelectorAll("a").Single(a => a.TextContent == "Add product").GetAttribute("href"));
        var change = await client.GetHtmlAsync(link!);
        Assert.Equal("/admin/catalog/product/?IsActive=1&q=boot", change.QuerySelectorAll(".breadcrumb a").Single(a => a.TextContent == "Products").GetAttribute("href"));
    }

    [Fact]
    public async Task Many_to_many_changes_are_saved_and_logged()
    {
        var category = await Factory.AddCategoryAsync("Shoes");
        var summer = await Factory.AddTagAsync("Summer");
        var sale = await Factory.AddTagAsync("Sale");
        var product = await Factory.AddProductAsync("Sandal", category.Id, tagIds: summer.Id);
        var client = await SuperuserAsync();
        var url = $"/admin/catalog/product/{product.Id}/change/";
        var form = (await client.GetHtmlAsync(url)).FormValues("#product_form");
        Assert.Contains(Field("Tags", summer.Id.ToString()), form);

        using var response = await client.PostWithTokenAsync(url, form.With("Tags", sale.Id.ToString()));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(["Sale"], await Factory.WithDbAsync(db => db.Products.SelectMany(p => p.Tags).Select(t => t.Name).ToListAsync()));
        var history = await client.GetHtmlAsync($"/admin/catalog/product/{product.Id}/history/");
        var change = history.QuerySelector(".change-message li")!;
        Assert.StartsWith("Tags", change.TextContent.Trim());
        Assert.Equal(("Summer", "Sale"), (change.QuerySelector(".old-value")!.TextContent, change.QuerySelector(".new-value")!.TextContent));
    }

    [Fact]
    public async Task View_on_site_links_to_the_public_page()
    {
        var category = await Factory.AddCategoryAsync("Shoes");
        var product = await Factory.AddProductAsync("Boot", category.Id);
        var client = await SuperuserAsync();

        var page = await client.GetHtmlAsync($"/admin/catalog/product/{product.Id}/change/");

        Assert.Equal($"/products/{product.Slug}", page.QuerySelectorAll("a").Single(a => a.TextContent == "View on site").GetAttribute("href"));
    }

    [Fact]
    public async Task Fields_grouped_in_a_row_sit_side_by_side()
    {
        var customer = await Factory.CreateUserAsync("buyer@example.com");
        var order = await Factory.AddOrderAsync("ORD-1", customer);
        var client = await SuperuserAsync();

        var page = await client.GetHtmlAsync($"/admin/orders/order/{order.Id}/change/");

        var row = page.QuerySelector(".admin-field-row:has(#id_ShippingCity)")!;
        Assert.Equal(["id_ShippingPostalCode", "id_ShippingCity"], row.QuerySelectorAll("input").Select(i => i.Id));
    }
}
