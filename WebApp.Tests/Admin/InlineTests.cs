using System.Net;
using Microsoft.EntityFrameworkCore;
using WebApp.Admin;
using WebApp.Orders;
using WebApp.Tests.Infrastructure;
using static WebApp.Tests.Infrastructure.HtmlForms;

namespace WebApp.Tests.Admin;

/// <summary>Inline formsets with Django's names: reviews inside a product (editable), order lines inside an order (read-only).</summary>
public class InlineTests : AdminTestBase
{
    private async Task<(int ProductId, int FirstReview, int SecondReview)> ProductWithTwoReviewsAsync()
    {
        var category = await Factory.AddCategoryAsync("Shoes");
        var product = await Factory.AddProductAsync("Boot", category.Id, price: 40m);
        var alice = await Factory.CreateUserAsync("alice@example.com");
        var bob = await Factory.CreateUserAsync("bob@example.com");
        var first = await Factory.AddReviewAsync(product.Id, alice.Id, "Comfortable");
        var second = await Factory.AddReviewAsync(product.Id, bob.Id, "Spam spam");
        return (product.Id, first.Id, second.Id);
    }

    private static string Value(AngleSharp.Html.Dom.IHtmlDocument page, string name) =>
        page.QuerySelector($"input[name='{name}']")?.GetAttribute("value") ?? throw new InvalidOperationException($"No input {name}");

    [Fact]
    public async Task A_product_page_shows_its_reviews_with_the_management_form_an_extra_row_and_the_empty_row()
    {
        var (productId, first, second) = await ProductWithTwoReviewsAsync();
        var client = await SuperuserAsync();

        var page = await client.GetHtmlAsync($"/admin/catalog/product/{productId}/change/");

        Assert.Equal(("3", "2", "0", "1000"), (Value(page, "reviews-TOTAL_FORMS"), Value(page, "reviews-INITIAL_FORMS"),
            Value(page, "reviews-MIN_NUM_FORMS"), Value(page, "reviews-MAX_NUM_FORMS")));
        Assert.Equal([first.ToString(), second.ToString()], [Value(page, "reviews-0-Id"), Value(page, "reviews-1-Id")]);
        // A stored review is the customer's words: only its approval is editable; a new row takes every field.
        Assert.Null(page.QuerySelector("[name='reviews-0-Title']"));
        Assert.Contains("Comfortable", page.QuerySelector("#reviews-0")!.TextContent);
        Assert.NotNull(page.QuerySelector("input[type=checkbox][name='reviews-0-IsApproved']"));
        Assert.NotNull(page.QuerySelector("input[type=checkbox][name='reviews-0-DELETE']"));
        Assert.NotNull(page.QuerySelector("input[name='reviews-2-Title']"));
        Assert.Null(page.QuerySelector("[name='reviews-2-DELETE']"));
        Assert.Equal($"/admin/catalog/review/{first}/change/", page.QuerySelector("#reviews-0 a")!.GetAttribute("href"));
        var template = (AngleSharp.Html.Dom.IHtmlTemplateElement)page.QuerySelector("#reviews-group template.admin-inline-empty")!;
        Assert.NotNull(template.Content.QuerySelector("input[name='reviews-__prefix__-Title']"));
        // The empty row is never posted: it is a template, outside the form's controls.
        Assert.DoesNotContain(page.FormValues("#product_form"), f => f.Key.Contains("__prefix__"));
    }

    [Fact]
    public async Task Reviews_are_approved_deleted_and_added_inline_with_the_product_in_one_save_each_logged()
    {
        var (productId, first, second) = await ProductWithTwoReviewsAsync();
        var client = await StaffAsync("clerk@example.com", "catalog.change_product", "catalog.view_review", "catalog.change_review",
            "catalog.add_review", "catalog.delete_review");
        var url = $"/admin/catalog/product/{productId}/change/";
        var form = (await client.GetHtmlAsync(url)).FormValues("#product_form")
            .With("Price", "45.00")
            .With("reviews-0-IsApproved", "true")
            .With("reviews-1-DELETE", "on")
            .With("reviews-2-Title", "Phoned in").With("reviews-2-Rating", "5").With("reviews-2-Body", "A customer called to say thanks.")
            .With("_save", "1");

        using var response = await client.PostAsync(url, new FormUrlEncodedContent(form));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var reviews = await Factory.WithDbAsync(db => db.Reviews.Where(r => r.ProductId == productId).OrderBy(r => r.Id)
            .Select(r => new { r.Id, r.Title, r.IsApproved, r.Rating, Author = r.Author!.Email }).ToListAsync());
        Assert.Equal(2, reviews.Count);
        Assert.Equal((first, "Comfortable", true), (reviews[0].Id, reviews[0].Title, reviews[0].IsApproved));
        Assert.Equal(("Phoned in", 5, "clerk@example.com"), (reviews[1].Title, reviews[1].Rating, reviews[1].Author));
        Assert.DoesNotContain(reviews, r => r.Id == second);
        Assert.Equal(45m, await Factory.WithDbAsync(db => db.Products.Where(p => p.Id == productId).Select(p => p.Price).SingleAsync()));
        var log = await Factory.WithDbAsync(db => db.Set<LogEntry>().OrderBy(e => e.Id).Select(e => new { e.ContentType, e.Action, e.ObjectId }).ToListAsync());
        Assert.Equal(
            [("catalog.product", LogAction.Change, productId.ToString()), ("catalog.review", LogAction.Change, first.ToString()),
             ("catalog.review", LogAction.Delete, second.ToString()), ("catalog.review", LogAction.Add, reviews[1].Id.ToString())],
            log.Select(e => (e.ContentType, e.Action, e.ObjectId)));
    }

    [Fact]
    public async Task An_invalid_row_saves_nothing_not_even_the_product_and_says_which_row_and_field()
    {
        var (productId, first, _) = await ProductWithTwoReviewsAsync();
        var client = await SuperuserAsync();
        var url = $"/admin/catalog/product/{productId}/change/";
        var form = (await client.GetHtmlAsync(url)).FormValues("#product_form")
            .With("Price", "45.00")
            .With("reviews-0-IsApproved", "true")
            .With("reviews-2-Title", "Too good").With("reviews-2-Rating", "9").With("reviews-2-Body", "Eleven out of ten.")
            .With("_save", "1");

        using var response = await client.PostAsync(url, new FormUrlEncodedContent(form));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await response.ReadHtmlAsync();
        Assert.Equal("Please correct the error below.", page.QuerySelector(".errornote")!.FirstChild!.TextContent.Trim());
        Assert.Equal("Rating must be between 1 and 5.", page.QuerySelector("#reviews-2 #id_reviews-2-Rating-errors li")!.TextContent);
        // What the user typed is still there to correct.
        Assert.Equal("Too good", Value(page, "reviews-2-Title"));
        Assert.Equal(40m, await Factory.WithDbAsync(db => db.Products.Where(p => p.Id == productId).Select(p => p.Price).SingleAsync()));
        Assert.False(await Factory.WithDbAsync(db => db.Reviews.Where(r => r.Id == first).Select(r => r.IsApproved).SingleAsync()));
        Assert.Equal(2, await Factory.WithDbAsync(db => db.Reviews.CountAsync()));
        Assert.Equal(0, await Factory.WithDbAsync(db => db.Set<LogEntry>().CountAsync()));
    }

    [Fact]
    public async Task An_untouched_extra_row_adds_nothing()
    {
        var (productId, _, _) = await ProductWithTwoReviewsAsync();
        var client = await SuperuserAsync();
        var url = $"/admin/catalog/product/{productId}/change/";

        using var response = await client.PostAsync(url, new FormUrlEncodedContent((await client.GetHtmlAsync(url)).FormValues("#product_form").With("_save", "1")));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(2, await Factory.WithDbAsync(db => db.Reviews.CountAsync()));
    }

    [Fact]
    public async Task Inline_rows_follow_the_review_permissions_and_a_forged_row_is_refused()
    {
        var (productId, first, second) = await ProductWithTwoReviewsAsync();
        var client = await StaffAsync("viewer@example.com", "catalog.change_product", "catalog.view_review");
        var url = $"/admin/catalog/product/{productId}/change/";

        var page = await client.GetHtmlAsync(url);

        Assert.Contains("Comfortable", page.QuerySelector("#reviews-group")!.TextContent);
        Assert.Empty(page.QuerySelectorAll("#reviews-group input:not([type=hidden]), #reviews-group template"));
        Assert.Equal("2", Value(page, "reviews-TOTAL_FORMS"));

        foreach (var forged in new[] { ("reviews-1-DELETE", "on"), ("reviews-0-IsApproved", "true") })
        {
            var form = page.FormValues("#product_form").With(forged.Item1, forged.Item2).With("Price", "1.00").With("_save", "1");
            using var response = await client.PostAsync(url, new FormUrlEncodedContent(form));
            Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        }
        var added = page.FormValues("#product_form").With("reviews-TOTAL_FORMS", "3").With("reviews-2-Title", "Forged").With("_save", "1");
        using (var response = await client.PostAsync(url, new FormUrlEncodedContent(added)))
            Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);

        Assert.Equal([first, second], await Factory.WithDbAsync(db => db.Reviews.OrderBy(r => r.Id).Select(r => r.Id).ToListAsync()));
        Assert.False(await Factory.WithDbAsync(db => db.Reviews.AnyAsync(r => r.IsApproved)));
        Assert.Equal(40m, await Factory.WithDbAsync(db => db.Products.Where(p => p.Id == productId).Select(p => p.Price).SingleAsync()));
    }

    [Fact]
    public async Task Without_change_permission_on_the_product_every_inline_is_read_only()
    {
        var (productId, _, _) = await ProductWithTwoReviewsAsync();
        var client = await StaffAsync("reader@example.com", "catalog.view_product", "catalog.change_review", "catalog.add_review", "catalog.delete_review");

        var page = await client.GetHtmlAsync($"/admin/catalog/product/{productId}/change/");

        Assert.Contains("Spam spam", page.QuerySelector("#reviews-group")!.TextContent);
        Assert.Empty(page.QuerySelectorAll("#reviews-group input:not([type=hidden]), #reviews-group template"));
    }

    [Fact]
    public async Task The_order_page_shows_what_was_ordered_read_only_even_to_a_superuser()
    {
        var category = await Factory.AddCategoryAsync("Shoes");
        var product = await Factory.AddProductAsync("Boot", category.Id);
        var customer = await Factory.CreateUserAsync("buyer@example.com");
        var order = await Factory.AddOrderAsync("ORD-1", customer, OrderStatus.Paid, (product.Id, 2));
        var client = await SuperuserAsync();
        var url = $"/admin/orders/order/{order.Id}/change/";

        var page = await client.GetHtmlAsync(url);

        var row = page.QuerySelector("#lines-0")!;
        Assert.Equal(["Line product", "L-1", "$10.00", "2"], row.QuerySelectorAll("td .admin-readonly").Select(c => c.TextContent.Trim()));
        Assert.Empty(page.QuerySelectorAll("#lines-group input:not([type=hidden]), #lines-group template"));
        Assert.Equal(("1", "1"), (Value(page, "lines-TOTAL_FORMS"), Value(page, "lines-INITIAL_FORMS")));
    }

    [Fact]
    public async Task Order_lines_cannot_be_added_changed_or_deleted_by_anyone_neither_inline_nor_on_their_own_pages()
    {
        var category = await Factory.AddCategoryAsync("Shoes");
        var product = await Factory.AddProductAsync("Boot", category.Id);
        var customer = await Factory.CreateUserAsync("buyer@example.com");
        var order = await Factory.AddOrderAsync("ORD-1", customer, OrderStatus.Paid, (product.Id, 2));
        var lineId = await Factory.WithDbAsync(db => db.OrderLines.Select(l => l.Id).SingleAsync());
        var client = await SuperuserAsync();
        var url = $"/admin/orders/order/{order.Id}/change/";
        var shown = (await client.GetHtmlAsync(url)).FormValues("#order_form").With("_save", "1");

        foreach (var forged in new[]
        {
            shown.ToList().With("lines-0-Quantity", "50"),
            shown.ToList().With("lines-0-DELETE", "on"),
            shown.ToList().With("lines-TOTAL_FORMS", "2").With("lines-1-ProductName", "Free gift").With("lines-1-Quantity", "1"),
        })
        {
            using var response = await client.PostAsync(url, new FormUrlEncodedContent(forged));
            Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        }
        Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync($"/admin/orders/orderline/{lineId}/delete/")).StatusCode);
        using (var response = await client.PostWithTokenAsync("/admin/orders/orderline/", $"/admin/orders/orderline/{lineId}/delete/", [Field("post", "yes")]))
            Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        using (var response = await client.PostWithTokenAsync("/admin/orders/orderline/",
            [Field("action", "delete_selected"), Field("_selected_action", lineId.ToString()), Field("post", "yes")]))
            Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync("/admin/orders/orderline/add/")).StatusCode);

        var lines = await Factory.WithDbAsync(db => db.OrderLines.Select(l => new { l.Quantity, l.ProductName }).ToListAsync());
        Assert.Equal(("Line product", 2), (Assert.Single(lines).ProductName, lines[0].Quantity));
        Assert.Equal(0, await Factory.WithDbAsync(db => db.Set<LogEntry>().CountAsync()));
    }
}
