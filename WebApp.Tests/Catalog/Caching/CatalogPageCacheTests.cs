using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using WebApp.Catalog;
using WebApp.Tests.Infrastructure;
using WebApp.Tests.Shop;

namespace WebApp.Tests.Catalog.Caching;

/// <summary>
/// The catalog pages' output cache: shared by anonymous visitors without a cart, never by signed-in customers or
/// visitors with a cart, never holding a cookie or a token, and evicted by every catalog change wherever it is made.
/// A response from the cache carries an Age header; a page rendered for the request has none.
/// </summary>
public sealed class CatalogPageCacheTests(ShopFactory factory) : IClassFixture<ShopFactory>
{
    [Fact]
    public async Task An_anonymous_visitor_gets_the_shared_page_until_the_product_changes()
    {
        var product = await factory.CreateProductAsync(name: "Cached Kettle " + ShopData.Unique());
        var visitor = factory.CreateShopClient();
        var url = $"/products/{product.Slug}";

        using var first = await visitor.GetAsync(url);
        Assert.Null(first.Headers.Age);
        Assert.Equal(product.Name, (await visitor.GetCachedHtmlAsync(url)).QuerySelector("#product-name")!.TextContent);

        await factory.SetProductAsync(product.Id, p => p.Name = "Renamed Kettle");

        Assert.Equal("Renamed Kettle", (await visitor.GetHtmlAsync(url)).QuerySelector("#product-name")!.TextContent);
    }

    [Fact]
    public async Task A_change_in_the_admin_shows_on_the_next_anonymous_request()
    {
        var product = await factory.CreateProductAsync(price: 10m);
        var visitor = factory.CreateShopClient();
        var listUrl = $"/products?q={product.Sku}";
        Assert.Equal("$10.00", (await visitor.GetCachedHtmlAsync(listUrl)).QuerySelector(".product-list .product-price")!.TextContent.Trim());

        var admin = await factory.LoggedInClientAsync($"admin-{ShopData.Unique()}@example.com", staff: true, superuser: true);
        var changeUrl = $"/admin/catalog/product/{product.Id}/change/";
        var form = (await admin.GetHtmlAsync(changeUrl)).FormValues("#product_form");
        using var saved = await admin.PostWithTokenAsync(changeUrl, form.With("Price", "12.50").With("_save", "1"));
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);

        Assert.Equal("$12.50", (await visitor.GetHtmlAsync(listUrl)).QuerySelector(".product-list .product-price")!.TextContent.Trim());
    }

    [Fact]
    public async Task A_change_through_the_API_shows_on_the_next_anonymous_request()
    {
        var product = await factory.CreateProductAsync(name: "API Lamp " + ShopData.Unique(), price: 20m);
        var visitor = factory.CreateShopClient();
        var url = $"/products/{product.Slug}";
        Assert.Equal("$20.00", (await visitor.GetCachedHtmlAsync(url)).QuerySelector(".product-price")!.TextContent.Trim());

        var editor = await factory.CreateUserAsync($"editor-{ShopData.Unique()}@example.com", superuser: true);
        using var api = factory.CreateClient();
        api.DefaultRequestHeaders.Authorization = new("Bearer", await factory.ApiTokenAsync(editor.Id));
        using var put = await api.PutAsJsonAsync($"/api/products/{product.Id}", new
        {
            name = product.Name, slug = product.Slug, sku = product.Sku, price = 17.25m, stock = product.Stock,
            categoryId = product.CategoryId, isActive = true,
        });
        Assert.Equal(HttpStatusCode.OK, put.StatusCode);

        Assert.Equal("$17.25", (await visitor.GetHtmlAsync(url)).QuerySelector(".product-price")!.TextContent.Trim());
    }

    [Fact]
    public async Task Stock_taken_by_a_checkout_shows_on_the_next_anonymous_request()
    {
        var product = await factory.CreateProductAsync(stock: 5);
        var visitor = factory.CreateShopClient();
        var url = $"/products/{product.Slug}";
        Assert.Contains("(5 available)", (await visitor.GetCachedHtmlAsync(url)).QuerySelector(".product-availability")!.TextContent);

        var (customer, _) = await factory.LoggedInCustomerAsync();
        await customer.AddToCartAsync(product.Id, 2);
        await customer.CheckoutAsync();

        Assert.Contains("(3 available)", (await visitor.GetHtmlAsync(url)).QuerySelector(".product-availability")!.TextContent);
    }

    [Fact]
    public async Task An_approved_review_and_a_renamed_category_show_on_the_next_anonymous_request()
    {
        var product = await factory.CreateProductAsync();
        var author = await factory.CreateCustomerAsync();
        var visitor = factory.CreateShopClient();
        var url = $"/products/{product.Slug}";
        await factory.WithDbAsync(async db =>
        {
            db.Reviews.Add(new Review { ProductId = product.Id, AuthorId = author.Id, Rating = 4, Title = "Solid kettle", Body = "Boils." });
            await db.SaveChangesAsync();
        });
        Assert.Contains("No reviews yet", (await visitor.GetCachedHtmlAsync(url)).QuerySelector(".product-reviews")!.TextContent);

        await factory.WithDbAsync(async db =>
        {
            (await db.Reviews.SingleAsync(r => r.ProductId == product.Id)).IsApproved = true;
            (await db.Categories.SingleAsync(c => c.Id == product.CategoryId)).Name = "Renamed category";
            await db.SaveChangesAsync();
        });

        var after = await visitor.GetHtmlAsync(url);
        Assert.Equal("Solid kettle", after.QuerySelector(".review-title")!.TextContent);
        Assert.Equal("Renamed category", after.QuerySelector(".product-category")!.TextContent);
    }

    [Fact]
    public async Task A_signed_in_customer_never_gets_a_shared_page_and_never_leaves_one_behind()
    {
        var product = await factory.CreateProductAsync();
        var url = $"/products/{product.Slug}";
        var (customer, account) = await factory.LoggedInCustomerAsync();

        using var own = await customer.GetAsync(url);
        Assert.Null(own.Headers.Age);
        Assert.Contains(account.Email!, (await own.ReadHtmlAsync()).QuerySelector("header")!.TextContent);

        // The customer's page was not stored: the visitor's first request renders its own, without the customer in it.
        var visitor = factory.CreateShopClient();
        using var anonymous = await visitor.GetAsync(url);
        Assert.Null(anonymous.Headers.Age);
        var anonymousPage = await anonymous.ReadHtmlAsync();
        Assert.DoesNotContain(account.Email!, anonymousPage.DocumentElement.OuterHtml);
        Assert.Null(anonymousPage.QuerySelector("header form[action*='Logout']"));

        await visitor.GetCachedHtmlAsync(url);
        using var ownAgain = await customer.GetAsync(url);
        Assert.Null(ownAgain.Headers.Age);
        Assert.Contains(account.Email!, (await ownAgain.ReadHtmlAsync()).QuerySelector("header")!.TextContent);
    }

    [Fact]
    public async Task A_visitor_with_a_cart_never_gets_a_shared_page_and_never_leaves_one_behind()
    {
        var product = await factory.CreateProductAsync();
        var url = $"/products?q={product.Sku}";
        var visitor = factory.CreateShopClient();
        Assert.Equal("Cart items", (await visitor.GetCachedHtmlAsync(url)).QuerySelector(".cart-link")!.TextContent.Trim());

        await visitor.AddToCartAsync(product.Id, 2);

        using var withCart = await visitor.GetAsync(url);
        Assert.Null(withCart.Headers.Age);
        Assert.Equal("Cart (2) items", (await withCart.ReadHtmlAsync()).QuerySelector(".cart-link")!.TextContent.Trim());
        var other = factory.CreateShopClient();
        Assert.Equal("Cart items", (await other.GetCachedHtmlAsync(url)).QuerySelector(".cart-link")!.TextContent.Trim());
    }

    [Fact]
    public async Task No_shared_page_sets_a_cookie_or_carries_an_antiforgery_token()
    {
        var product = await factory.CreateProductAsync();
        var categorySlug = await factory.WithDbAsync(db => db.Categories.Where(c => c.Id == product.CategoryId).Select(c => c.Slug).SingleAsync());
        var visitor = factory.CreateShopClient();

        foreach (var url in new[] { "/", "/products", $"/products?sort=price&q={product.Sku}", $"/products/{product.Slug}", "/categories", $"/categories/{categorySlug}" })
        {
            foreach (var _ in new[] { "rendered", "shared" })
            {
                using var response = await visitor.GetAsync(url);
                Assert.Equal(HttpStatusCode.OK, response.StatusCode);
                Assert.False(response.Headers.Contains("Set-Cookie"), $"{url} sets a cookie");
                Assert.DoesNotContain("__RequestVerificationToken", await response.Content.ReadAsStringAsync());
            }
            Assert.NotNull((await visitor.GetAsync(url)).Headers.Age);
        }
    }

    /// <summary>Requests the page until it comes from the cache (the second request at the latest) and returns it.</summary>
}
