using System.Net;
using AngleSharp.Html.Dom;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using WebApp.Cart;
using WebApp.Tests.Infrastructure;

namespace WebApp.Tests.Shop;

public sealed class CartTests(ShopFactory factory) : IClassFixture<ShopFactory>
{
    [Fact]
    public async Task A_visitor_adding_a_product_gets_a_cart_behind_a_secure_http_only_cookie()
    {
        var product = await factory.CreateProductAsync(price: 4.25m, stock: 5);
        var client = factory.CreateShopClient();

        using var response = await client.PostAddToCartAsync(product.Id.ToString(), "2", $"/cart/add?productId={product.Id}");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/cart", response.Headers.Location!.OriginalString);
        var cookie = Assert.Single(response.Headers.GetValues("Set-Cookie"), c => c.StartsWith(CartCookie.Name + "="));
        Assert.Contains("secure", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("httponly", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("samesite=lax", cookie, StringComparison.OrdinalIgnoreCase);
        var key = cookie[(CartCookie.Name.Length + 1)..cookie.IndexOf(';')];
        Assert.True(key.Length >= 43, "The cart key should carry 256 random bits.");

        var cart = await factory.WithDbAsync(db => db.Set<ShoppingCart>().Include(c => c.Items)
            .SingleAsync(c => c.Items.Any(i => i.ProductId == product.Id)));
        Assert.Null(cart.OwnerId);
        Assert.Equal(CartCookie.Hash(key), cart.AnonymousKeyHash);
        Assert.NotEqual(key, cart.AnonymousKeyHash);
        Assert.Equal(2, Assert.Single(cart.Items).Quantity);

        var page = await client.FollowAsync(response);
        Assert.Equal($"Added 2 × {product.Name} to your cart.", page.StatusMessage());
        var line = Assert.Single(CartLines(page));
        Assert.Equal((product.Name, 2, "$8.50"), (line.Name, line.Quantity, line.Total));

        var stranger = factory.CreateShopClient();
        Assert.Empty(CartLines(await stranger.GetHtmlAsync("/cart")));
    }

    [Fact]
    public async Task Adding_returns_to_the_page_the_form_was_on_but_never_to_another_site()
    {
        var product = await factory.CreateProductAsync(stock: 5);
        var client = factory.CreateShopClient();
        var productPage = $"/cart/add?productId={product.Id}";

        using var back = await client.PostAddToCartAsync(product.Id.ToString(), "1", productPage, returnUrl: productPage);
        Assert.Equal(productPage, back.Headers.Location!.OriginalString);
        Assert.Equal($"Added 1 × {product.Name} to your cart.", (await client.FollowAsync(back)).StatusMessage());

        using var elsewhere = await client.PostAddToCartAsync(product.Id.ToString(), "1", productPage, returnUrl: "https://evil.example/");
        Assert.Equal("/cart", elsewhere.Headers.Location!.OriginalString);
    }

    [Theory]
    [InlineData("/café", "/caf%C3%A9")]
    [InlineData("/products¿", "/products%C2%BF")]
    [InlineData("/products?q=a b\"<x>", "/products?q=a%20b%22%3Cx%3E")]
    public async Task A_return_url_that_is_not_percent_encoded_is_encoded_and_the_product_is_added(string returnUrl, string location)
    {
        var product = await factory.CreateProductAsync(stock: 5);
        var client = factory.CreateShopClient();

        using var response = await client.PostAddToCartAsync(product.Id.ToString(), "2", $"/cart/add?productId={product.Id}", returnUrl);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(location, response.Headers.Location!.OriginalString);
        Assert.Equal($"Added 2 × {product.Name} to your cart.", (await client.FollowAsync(response)).StatusMessage());
        Assert.Equal(2, await factory.WithDbAsync(db => db.Set<WebApp.Cart.CartItem>()
            .Where(i => i.ProductId == product.Id).Select(i => i.Quantity).SingleAsync()));
    }

    [Fact]
    public async Task The_add_to_cart_partial_posts_the_product_and_the_page_to_return_to()
    {
        var product = await factory.CreateProductAsync(stock: 3);
        var soldOut = await factory.CreateProductAsync(stock: 0);
        var client = factory.CreateShopClient();

        var page = await client.GetHtmlAsync($"/cart/add?productId={product.Id}");
        var form = Assert.IsAssignableFrom<IHtmlFormElement>(page.QuerySelector("form.add-to-cart"));
        Assert.Equal("/cart/add", form.Action);
        Assert.Equal(product.Id.ToString(), Input(form, "ProductId").Value);
        Assert.Equal($"/cart/add?productId={product.Id}", Input(form, "ReturnUrl").Value);
        var quantity = Input(form, "Quantity");
        Assert.Equal(("1", "3"), (quantity.GetAttribute("min"), quantity.GetAttribute("max")));
        Assert.NotNull(page.QuerySelector($"label[for='{quantity.Id}']"));
        Assert.NotNull(form.QuerySelector("input[name=__RequestVerificationToken]"));

        var soldOutPage = await client.GetHtmlAsync($"/cart/add?productId={soldOut.Id}");
        Assert.Null(soldOutPage.QuerySelector("form.add-to-cart"));
        Assert.Equal("Out of stock", soldOutPage.QuerySelector(".add-to-cart-unavailable")?.TextContent);
    }

    [Theory]
    [InlineData("0", "Quantity must be at least 1.")]
    [InlineData("-3", "Quantity must be at least 1.")]
    [InlineData("abc", "Enter the quantity as a whole number, such as 1.")]
    [InlineData("2.5", "Enter the quantity as a whole number, such as 1.")]
    [InlineData("", "Enter the quantity as a whole number, such as 1.")]
    [InlineData("11", "Only 10 left of")]
    public async Task Adding_a_bad_quantity_says_why_and_changes_nothing(string quantity, string message)
    {
        var product = await factory.CreateProductAsync(stock: 10);
        var client = factory.CreateShopClient();

        using var response = await client.PostAddToCartAsync(product.Id.ToString(), quantity, $"/cart/add?productId={product.Id}");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.DoesNotContain(response.Headers.TryGetValues("Set-Cookie", out var cookies) ? cookies : [], c => c.StartsWith(CartCookie.Name));
        Assert.StartsWith(message, (await client.FollowAsync(response)).StatusMessage());
        Assert.False(await factory.WithDbAsync(db => db.Set<CartItem>().AnyAsync(i => i.ProductId == product.Id)));
    }

    [Fact]
    public async Task Unknown_and_inactive_products_cannot_be_added()
    {
        var tokenSource = await factory.CreateProductAsync();
        var inactive = await factory.CreateProductAsync(isActive: false);
        var client = factory.CreateShopClient();

        foreach (var productId in new[] { inactive.Id.ToString(), "987654", "abc", "" })
        {
            using var response = await client.PostAddToCartAsync(productId, "1", $"/cart/add?productId={tokenSource.Id}");
            Assert.Equal("Sorry, that product is not available.", (await client.FollowAsync(response)).StatusMessage());
        }
        Assert.False(await factory.WithDbAsync(db => db.Set<CartItem>().AnyAsync(i => i.ProductId == inactive.Id)));
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/cart/add?productId={inactive.Id}")).StatusCode);
    }

    [Fact]
    public async Task Adding_again_adds_up_but_never_past_the_stock()
    {
        var product = await factory.CreateProductAsync(stock: 5);
        var client = factory.CreateShopClient();
        await client.AddToCartAsync(product.Id, 3);
        Assert.Equal("Cart (3) items", (await client.GetHtmlAsync($"/cart/add?productId={product.Id}")).QuerySelector("a.cart-link")!.TextContent);
        await client.AddToCartAsync(product.Id, 2);

        using var response = await client.PostAddToCartAsync(product.Id.ToString(), "1", $"/cart/add?productId={product.Id}");

        Assert.Equal($"Only 5 left of {product.Name}. Your cart already holds 5.", (await client.FollowAsync(response)).StatusMessage());
        Assert.Equal(5, Assert.Single(CartLines(await client.GetHtmlAsync("/cart"))).Quantity);
    }

    [Fact]
    public async Task Quantities_change_within_one_and_the_stock()
    {
        var product = await factory.CreateProductAsync(price: 3m, stock: 5);
        var client = factory.CreateShopClient();
        await client.AddToCartAsync(product.Id);

        var changed = await UpdateAsync(client, product.Id, "4");
        Assert.Equal($"Your cart now holds 4 × {product.Name}.", changed.StatusMessage());
        Assert.Equal((4, "$12.00"), (CartLines(changed)[0].Quantity, CartLines(changed)[0].Total));

        foreach (var (quantity, message) in new[]
        {
            ("0", $"Quantity must be at least 1. To take {product.Name} out of your cart, use Remove."),
            ("-1", $"Quantity must be at least 1. To take {product.Name} out of your cart, use Remove."),
            ("6", $"Only 5 left of {product.Name}."),
            ("four", "Enter the quantity as a whole number, such as 2."),
        })
        {
            var page = await UpdateAsync(client, product.Id, quantity);
            Assert.Equal(message, page.StatusMessage());
            Assert.Equal(4, CartLines(page)[0].Quantity);
        }
    }

    [Fact]
    public async Task Remove_takes_the_product_out_of_the_cart()
    {
        var kept = await factory.CreateProductAsync();
        var removed = await factory.CreateProductAsync();
        var client = factory.CreateShopClient();
        await client.AddToCartAsync(kept.Id);
        await client.AddToCartAsync(removed.Id);

        var cart = await client.GetHtmlAsync("/cart");
        using var response = await client.PostAsync("/cart?handler=Remove", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["productId"] = removed.Id.ToString(),
            ["__RequestVerificationToken"] = cart.AntiforgeryToken("form.cart-remove"),
        }));

        var page = await client.FollowAsync(response);
        Assert.Equal($"Removed {removed.Name} from your cart.", page.StatusMessage());
        Assert.Equal([kept.Name], CartLines(page).Select(l => l.Name));
    }

    [Fact]
    public async Task The_cart_shows_line_totals_the_subtotal_and_what_cannot_be_ordered()
    {
        var cheap = await factory.CreateProductAsync(price: 2.50m, stock: 10);
        var scarce = await factory.CreateProductAsync(price: 10m, stock: 5);
        var retired = await factory.CreateProductAsync(price: 1m, stock: 5);
        var client = factory.CreateShopClient();
        await client.AddToCartAsync(cheap.Id, 3);
        await client.AddToCartAsync(scarce.Id, 2);
        await client.AddToCartAsync(retired.Id);
        await factory.SetProductAsync(scarce.Id, p => p.Stock = 1);
        await factory.SetProductAsync(retired.Id, p => p.IsActive = false);

        var page = await client.GetHtmlAsync("/cart");

        var lines = CartLines(page);
        Assert.Equal(["$7.50", "$20.00", "$1.00"], lines.Select(l => l.Total));
        Assert.Equal("$28.50", page.QuerySelector(".cart-subtotal")!.TextContent);
        Assert.Null(lines[0].Problem);
        Assert.Equal($"Only 1 left of {scarce.Name}. Please lower the quantity.", lines[1].Problem);
        Assert.Equal("No longer available: please remove it.", lines[2].Problem);
        Assert.NotNull(page.QuerySelector(".cart-has-problems"));
        Assert.Null(page.QuerySelector("a.checkout-link"));
    }

    [Fact]
    public async Task A_huge_quantity_on_top_of_the_cart_is_refused_as_too_many_not_wrapped_around()
    {
        var product = await factory.CreateProductAsync(stock: 10);
        var client = factory.CreateShopClient();
        await client.AddToCartAsync(product.Id);

        using var response = await client.PostAddToCartAsync(product.Id.ToString(), int.MaxValue.ToString(), $"/cart/add?productId={product.Id}");

        Assert.StartsWith("Only 10 left of", (await client.FollowAsync(response)).StatusMessage());
        Assert.Equal(1, await factory.WithDbAsync(db => db.Set<CartItem>().Where(i => i.ProductId == product.Id).SumAsync(i => i.Quantity)));
    }

    [Fact]
    public async Task Changing_the_cart_without_an_antiforgery_token_is_refused()
    {
        var product = await factory.CreateProductAsync();
        var client = factory.CreateShopClient();

        using var response = await client.PostAsync("/cart/add", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["ProductId"] = product.Id.ToString(),
            ["Quantity"] = "1",
        }));

        Assert.Equal(System.Net.HttpStatusCode.BadRequest, response.StatusCode);
        Assert.False(await factory.WithDbAsync(db => db.Set<CartItem>().AnyAsync(i => i.ProductId == product.Id)));
    }

    [Fact]
    public async Task A_visitors_cart_joins_the_customers_cart_on_login_with_quantities_capped_at_the_stock()
    {
        var shared = await factory.CreateProductAsync(stock: 4);
        var onlyAnonymous = await factory.CreateProductAsync(stock: 9);
        var onlyOwn = await factory.CreateProductAsync(stock: 9);
        var customer = await factory.CreateCustomerAsync();

        var earlierSession = factory.CreateShopClient();
        await factory.LogInAsync(earlierSession, customer.Email!);
        await earlierSession.AddToCartAsync(shared.Id, 2);
        await earlierSession.AddToCartAsync(onlyOwn.Id, 1);

        var browser = factory.CreateShopClient();
        await browser.AddToCartAsync(shared.Id, 3);
        await browser.AddToCartAsync(onlyAnonymous.Id, 2);

        using var login = await factory.PostLoginAsync(browser, customer.Email!);

        Assert.Equal(HttpStatusCode.Redirect, login.StatusCode);
        Assert.Contains(login.Headers.GetValues("Set-Cookie"), c => c.StartsWith(CartCookie.Name + "=;") && c.Contains("expires=Thu, 01 Jan 1970"));
        var lines = CartLines(await browser.GetHtmlAsync("/cart")).ToDictionary(l => l.Name, l => l.Quantity);
        Assert.Equal(new Dictionary<string, int> { [shared.Name] = 4, [onlyOwn.Name] = 1, [onlyAnonymous.Name] = 2 }, lines);

        var carts = await factory.WithDbAsync(db => db.Set<ShoppingCart>()
            .Where(c => c.Items.Any(i => i.ProductId == shared.Id)).ToListAsync());
        Assert.Equal(customer.Id, Assert.Single(carts).OwnerId);
    }

    [Fact]
    public async Task A_visitors_cart_becomes_the_cart_of_a_customer_who_had_none()
    {
        var product = await factory.CreateProductAsync(stock: 3);
        var customer = await factory.CreateCustomerAsync();
        var browser = factory.CreateShopClient();
        await browser.AddToCartAsync(product.Id, 3);
        await factory.SetProductAsync(product.Id, p => p.Stock = 2);

        await factory.LogInAsync(browser, customer.Email!);

        var cart = await factory.WithDbAsync(db => db.Set<ShoppingCart>().Include(c => c.Items)
            .SingleAsync(c => c.OwnerId == customer.Id));
        Assert.Null(cart.AnonymousKeyHash);
        Assert.Equal(2, Assert.Single(cart.Items).Quantity);
    }

    [Fact]
    public async Task Anonymous_carts_untouched_for_longer_than_their_cookie_lives_are_deleted()
    {
        var product = await factory.CreateProductAsync();
        var customer = await factory.CreateCustomerAsync();
        var old = DateTime.UtcNow - CartCookie.Lifetime - TimeSpan.FromDays(1);
        var (stale, recent, owned) = await factory.WithDbAsync(async db =>
        {
            ShoppingCart Cart(string? owner, DateTime updatedAt) => new()
            {
                OwnerId = owner,
                AnonymousKeyHash = owner is null ? CartCookie.Hash(CartCookie.NewKey()) : null,
                CreatedAt = updatedAt,
                UpdatedAt = updatedAt,
                Items = [new CartItem { ProductId = product.Id, Quantity = 1 }],
            };
            var carts = (Cart(null, old), Cart(null, DateTime.UtcNow.AddDays(-29)), Cart(customer.Id, old));
            db.AddRange(carts.Item1, carts.Item2, carts.Item3);
            await db.SaveChangesAsync();
            return (carts.Item1.Id, carts.Item2.Id, carts.Item3.Id);
        });

        await factory.Services.GetRequiredService<StaleCartCleanup>().DeleteStaleAnonymousCartsAsync(CancellationToken.None);

        var left = await factory.WithDbAsync(db => db.Set<ShoppingCart>().Select(c => c.Id).ToListAsync());
        Assert.DoesNotContain(stale, left);
        Assert.Contains(recent, left);
        Assert.Contains(owned, left);
        Assert.False(await factory.WithDbAsync(db => db.Set<CartItem>().AnyAsync(i => i.CartId == stale)));
    }

    private sealed record Line(string Name, int Quantity, string Total, string? Problem);

    private static IReadOnlyList<Line> CartLines(IHtmlDocument page) =>
        page.QuerySelectorAll("tr.cart-line").Select(row => new Line(
            row.QuerySelector(".product-name")!.TextContent,
            int.Parse(((IHtmlInputElement)row.QuerySelector("input[name=quantity]")!).Value),
            row.QuerySelector(".line-total")!.TextContent,
            row.QuerySelector(".cart-problem")?.TextContent)).ToList();

    private static IHtmlInputElement Input(IHtmlFormElement form, string name) =>
        (IHtmlInputElement)form.QuerySelector($"input[name={name}]")!;

    private static async Task<IHtmlDocument> UpdateAsync(HttpClient client, int productId, string quantity)
    {
        var cart = await client.GetHtmlAsync("/cart");
        using var response = await client.PostAsync("/cart?handler=Update", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["productId"] = productId.ToString(),
            ["quantity"] = quantity,
            ["__RequestVerificationToken"] = cart.AntiforgeryToken("form.cart-update"),
        }));
        return await client.FollowAsync(response);
    }
}
