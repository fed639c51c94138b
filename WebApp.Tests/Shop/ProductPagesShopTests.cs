using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using WebApp.Cart;
using WebApp.Tests.Infrastructure;

namespace WebApp.Tests.Shop;

/// <summary>The catalog pages carry the shop's forms: add to cart on the list and detail pages, a review form on the detail page.</summary>
public sealed class ProductPagesShopTests(ShopFactory factory) : IClassFixture<ShopFactory>
{
    [Fact]
    public async Task The_detail_page_adds_to_the_cart_and_comes_back_with_a_message()
    {
        var product = await factory.CreateProductAsync(name: "Detail Kettle", stock: 3);
        var client = factory.CreateShopClient();
        var detailUrl = $"/products/{product.Slug}";

        var page = await client.GetHtmlAsync(detailUrl);
        var form = page.QuerySelector("form.add-to-cart")!;
        Assert.Equal("/cart/add", form.GetAttribute("action"));
        Assert.Equal(product.Id.ToString(), form.QuerySelector("input[name=ProductId]")!.GetAttribute("value"));
        Assert.Equal("3", form.QuerySelector("input[name=Quantity]")!.GetAttribute("max"));
        // The page may be shared through the output cache, so the form's token is fetched for the visitor, as its script does.
        Assert.Equal("fetch", form.GetAttribute("data-antiforgery"));
        Assert.Null(form.QuerySelector("input[name=__RequestVerificationToken]"));
        var token = await client.GetFromJsonAsync<JsonElement>(form.GetAttribute("data-token-url")!);

        using var response = await client.PostAsync("/cart/add", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["ProductId"] = product.Id.ToString(),
            ["Quantity"] = "2",
            ["ReturnUrl"] = form.QuerySelector("input[name=ReturnUrl]")!.GetAttribute("value")!,
            [token.GetProperty("fieldName").GetString()!] = token.GetProperty("requestToken").GetString()!,
        }));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(detailUrl, response.Headers.Location!.OriginalString);
        var after = await client.FollowAsync(response);
        Assert.Contains("Added", after.StatusMessage());
        Assert.Equal("Cart (2) items", after.QuerySelector(".cart-link")!.TextContent.Trim());
        Assert.Equal(2, await factory.WithDbAsync(db => db.Set<CartItem>().Where(i => i.ProductId == product.Id).SumAsync(i => i.Quantity)));
    }

    [Fact]
    public async Task The_list_offers_add_to_cart_only_for_products_in_stock()
    {
        var inStock = await factory.CreateProductAsync(name: "Listed In Stock " + ShopData.Unique(), stock: 4);
        var soldOut = await factory.CreateProductAsync(name: "Listed Sold Out " + ShopData.Unique(), stock: 0);
        var client = factory.CreateShopClient();

        var page = await client.GetHtmlAsync("/products?q=Listed");

        var rows = page.QuerySelectorAll(".product-list tbody tr").ToDictionary(r => r.QuerySelector(".product-name")!.TextContent.Trim());
        Assert.NotNull(rows[inStock.Name].QuerySelector($"form.add-to-cart input[name=ProductId][value='{inStock.Id}']"));
        Assert.Null(rows[soldOut.Name].QuerySelector("form.add-to-cart"));
        Assert.Contains("Out of stock", rows[soldOut.Name].QuerySelector(".product-add-to-cart")!.TextContent);
    }

    [Fact]
    public async Task The_detail_page_invites_visitors_to_log_in_and_customers_to_review()
    {
        var product = await factory.CreateProductAsync();
        var visitor = factory.CreateShopClient();
        var visitorPage = await visitor.GetHtmlAsync($"/products/{product.Slug}");
        Assert.Contains($"ReturnUrl=%2Fproducts%2F{product.Slug}%2Freview", visitorPage.QuerySelector(".review-login a")!.GetAttribute("href"));
        Assert.Null(visitorPage.QuerySelector("form.review-form"));

        var (customer, _) = await factory.LoggedInCustomerAsync();
        var customerPage = await customer.GetHtmlAsync($"/products/{product.Slug}");
        Assert.Equal($"/products/{product.Slug}/review", customerPage.QuerySelector("form.review-form")!.GetAttribute("action"));
    }
}
