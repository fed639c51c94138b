using System.Net;
using AngleSharp.Dom;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using WebApp.Cart;
using WebApp.Orders;
using WebApp.Tests.Infrastructure;

namespace WebApp.Tests.Shop;

public sealed partial class CheckoutTests(ShopFactory factory) : IClassFixture<ShopFactory>
{
    [Fact]
    public async Task Checkout_asks_visitors_to_log_in_first()
    {
        using var response = await factory.CreateShopClient().GetAsync("/checkout");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/Identity/Account/Login?ReturnUrl=%2Fcheckout", response.Headers.Location!.PathAndQuery());
    }

    [Fact]
    public async Task An_empty_cart_sends_the_customer_back_to_the_cart()
    {
        var (client, _) = await factory.LoggedInCustomerAsync();

        using var response = await client.GetAsync("/checkout");

        Assert.Equal("/cart", response.Headers.Location!.OriginalString);
        Assert.Equal("Your cart is empty. Add some products before you check out.", (await client.FollowAsync(response)).StatusMessage());
    }

    [Fact]
    public async Task The_details_form_starts_from_the_account_email()
    {
        var (client, customer) = await factory.LoggedInCustomerAsync();
        await client.AddToCartAsync((await factory.CreateProductAsync()).Id);

        var page = await client.GetHtmlAsync("/checkout");

        Assert.Equal(customer.Email, page.QuerySelector<AngleSharp.Html.Dom.IHtmlInputElement>("input[name='Form.ContactEmail']")!.Value);
        Assert.NotNull(page.QuerySelector("label[for='Form_ShippingName']"));
    }

    [Theory]
    [InlineData("Form.ContactEmail", "", "Enter the email address we should send order updates to.")]
    [InlineData("Form.ContactEmail", "not-an-email", "Enter a valid email address, such as name@example.com.")]
    [InlineData("Form.ContactEmail", "a..b@example.com", "Enter a valid email address, such as name@example.com.")]
    [InlineData("Form.ContactEmail", "mass2;env;@example.com", "Enter a valid email address, such as name@example.com.")]
    [InlineData("Form.ShippingName", "   ", "Enter the name of the person receiving the order.")]
    [InlineData("Form.ShippingAddressLine1", "", "Enter the street address.")]
    [InlineData("Form.ShippingCity", "", "Enter the city.")]
    [InlineData("Form.ShippingPostalCode", "", "Enter the postal code.")]
    [InlineData("Form.ShippingPostalCode", "<b>1</b>", "The postal code may contain letters, digits, spaces and hyphens only.")]
    [InlineData("Form.ShippingCountry", "", "Choose the country.")]
    [InlineData("Form.ShippingCountry", "Atlantis", "Choose a country from the list; we do not ship anywhere else yet.")]
    [InlineData("Form.ShippingMethod", "Teleport", "Choose one of the shipping methods shown.")]
    [InlineData("Form.ShippingMethod", "", "Choose how we should ship your order.")]
    [InlineData("Form.PaymentMethod", "IOU", "Choose one of the payment methods shown.")]
    [InlineData("Form.PaymentMethod", "", "Choose how you would like to pay.")]
    [InlineData("Form.ShippingCity", "a-city-name-that-goes-on-and-on-and-on-and-on-and-on-and-on-and-on-and-on-and-on-and-on-and-on-and-on!", "The city can have at most 100 characters.")]
    public async Task Checkout_details_are_validated_field_by_field(string field, string value, string message)
    {
        var (client, customer) = await factory.LoggedInCustomerAsync();
        await client.AddToCartAsync((await factory.CreateProductAsync()).Id);
        var fields = new Dictionary<string, string>(ShopClient.ValidShipping) { [field] = value };

        using var response = await client.PostFormAsync("/checkout", fields, postUrl: "/checkout?handler=Review");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await response.ReadHtmlAsync();
        Assert.NotNull(page.QuerySelector("form.checkout-details"));
        Assert.Null(page.QuerySelector("form.place-order"));
        Assert.Equal(message, page.QuerySelector($"[data-valmsg-for='{field}']")!.TextContent);
        Assert.Empty(await factory.OrdersOfAsync(customer.Id));
    }

    [Fact]
    public async Task The_review_step_shows_lines_totals_and_address_and_carries_a_fresh_one_time_token()
    {
        var (client, _) = await factory.LoggedInCustomerAsync();
        var bread = await factory.CreateProductAsync(price: 2.50m);
        var cheese = await factory.CreateProductAsync(price: 10m);
        await client.AddToCartAsync(bread.Id, 3);
        await client.AddToCartAsync(cheese.Id);

        var review = await client.ReviewCheckoutAsync(new Dictionary<string, string> { ["Form.ShippingName"] = "<i>Grace</i>" });

        var lines = review.QuerySelectorAll("tr.review-line").Select(r => r.Children.Select(c => c.TextContent.Trim()).ToArray()).ToList();
        Assert.Equal(2, lines.Count);
        Assert.StartsWith(bread.Name, lines[0][0]);
        Assert.Equal(["$2.50", "3", "$7.50"], lines[0][1..]);
        Assert.Equal("$17.50", review.QuerySelector(".review-subtotal")!.TextContent);
        Assert.Equal(("Standard", "$4.90"), (review.QuerySelector(".review-shipping-method")!.TextContent, review.QuerySelector(".review-shipping")!.TextContent));
        Assert.Equal("$22.40", review.QuerySelector(".review-total")!.TextContent);
        Assert.Contains("<i>Grace</i>", review.QuerySelector(".shipping-address")!.TextContent);
        Assert.Null(review.QuerySelector(".shipping-address i"));

        var fields = review.PlaceOrderFields();
        Assert.True(CheckoutTokens.IsWellFormed(fields["IdempotencyKey"]));
        Assert.NotEqual(fields["IdempotencyKey"], (await client.ReviewCheckoutAsync()).PlaceOrderFields()["IdempotencyKey"]);
    }

    [Fact]
    public async Task Change_details_goes_back_to_the_filled_in_form_without_errors()
    {
        var (client, _) = await factory.LoggedInCustomerAsync();
        await client.AddToCartAsync((await factory.CreateProductAsync()).Id);
        var review = await client.ReviewCheckoutAsync(new Dictionary<string, string> { ["Form.ShippingCity"] = "Oslo" });

        var page = await client.GetHtmlAsync(review.QuerySelector("a.change-details")!.GetAttribute("href")!);

        Assert.Equal("Oslo", page.QuerySelector<AngleSharp.Html.Dom.IHtmlInputElement>("input[name='Form.ShippingCity']")!.Value);
        Assert.Empty(page.QuerySelectorAll(".field-validation-error"));
        Assert.Null(page.QuerySelector("form.place-order"));
    }

    [Fact]
    public async Task Placing_the_order_records_it_takes_the_stock_empties_the_cart_and_queues_the_confirmation()
    {
        var (client, customer) = await factory.LoggedInCustomerAsync();
        var bread = await factory.CreateProductAsync(price: 2.50m, stock: 10);
        var cheese = await factory.CreateProductAsync(price: 10m, stock: 1);
        await client.AddToCartAsync(bread.Id, 3);
        await client.AddToCartAsync(cheese.Id);
        var contact = $"order-{ShopData.Unique()}@example.com";
        var review = await client.ReviewCheckoutAsync(new Dictionary<string, string>
        {
            ["Form.ContactEmail"] = contact,
            ["Form.ShippingCity"] = "  Arlington  ",
        });

        using var response = await client.PlaceOrderAsync(review.PlaceOrderFields());

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var number = response.Headers.Location!.OriginalString["/orders/".Length..];
        Assert.Matches(OrderNumberPattern(), number);
        Assert.Equal($"Thank you! Your order {number} has been placed.", (await client.FollowAsync(response)).StatusMessage());

        var order = Assert.Single(await factory.OrdersOfAsync(customer.Id));
        Assert.Equal((number, OrderStatus.Pending, contact, "Arlington"), (order.Number, order.Status, order.ContactEmail, order.ShippingCity));
        Assert.Equal([(bread.Name, bread.Sku, 2.50m, 3), (cheese.Name, cheese.Sku, 10m, 1)],
            order.Lines.OrderBy(l => l.Id).Select(l => (l.ProductName, l.ProductSku, l.UnitPrice, l.Quantity)));
        Assert.Equal((17.50m, "Standard", 4.90m, 22.40m), (order.Subtotal, order.ShippingMethod, order.ShippingCost, order.Total));
        Assert.Equal(OrderStatus.Pending, Assert.Single(order.StatusChanges).ToStatus);
        Assert.Equal((7, 0), (await factory.StockOfAsync(bread.Id), await factory.StockOfAsync(cheese.Id)));
        Assert.True((await client.GetHtmlAsync("/cart")).QuerySelector(".cart-empty") is not null, "The cart should be empty.");

        var email = Assert.Single(await factory.OutboxForAsync(contact));
        Assert.Equal($"Order {number} confirmed", email.Subject);
        Assert.Contains(number, email.HtmlBody);
        Assert.Null(email.SentAt);
    }

    [Fact]
    public async Task Prices_come_from_the_catalog_whatever_the_form_posts()
    {
        var (client, customer) = await factory.LoggedInCustomerAsync();
        var product = await factory.CreateProductAsync(price: 99.99m);
        await client.AddToCartAsync(product.Id, 2);
        var fields = (await client.ReviewCheckoutAsync()).PlaceOrderFields();
        foreach (var forged in new[] { "Price", "UnitPrice", "Total", "Subtotal", "Form.Total", "Form.Subtotal", "Lines[0].UnitPrice", "Cart.Subtotal" })
            fields[forged] = "0.01";

        using var response = await client.PlaceOrderAsync(fields);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var order = Assert.Single(await factory.OrdersOfAsync(customer.Id));
        Assert.Equal((99.99m, 199.98m, 204.88m), (Assert.Single(order.Lines).UnitPrice, order.Subtotal, order.Total));
    }

    [Fact]
    public async Task A_price_change_after_the_review_shows_the_review_again_before_anything_is_ordered()
    {
        var (client, customer) = await factory.LoggedInCustomerAsync();
        var product = await factory.CreateProductAsync(price: 5m, stock: 3);
        await client.AddToCartAsync(product.Id);
        var fields = (await client.ReviewCheckoutAsync()).PlaceOrderFields();
        await factory.SetProductAsync(product.Id, p => p.Price = 6m);

        using var response = await client.PlaceOrderAsync(fields);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var review = await response.ReadHtmlAsync();
        Assert.StartsWith("Your cart or its prices changed", review.QuerySelector(".checkout-problem")!.TextContent);
        Assert.Equal("$10.90", review.QuerySelector(".review-total")!.TextContent);
        Assert.Empty(await factory.OrdersOfAsync(customer.Id));
        Assert.Equal(3, await factory.StockOfAsync(product.Id));

        using var second = await client.PlaceOrderAsync(review.PlaceOrderFields());
        Assert.Equal(HttpStatusCode.Redirect, second.StatusCode);
        Assert.Equal(10.90m, Assert.Single(await factory.OrdersOfAsync(customer.Id)).Total);
    }

    [Fact]
    public async Task Submitting_the_same_checkout_twice_places_one_order()
    {
        var (client, customer) = await factory.LoggedInCustomerAsync();
        var product = await factory.CreateProductAsync(stock: 10);
        await client.AddToCartAsync(product.Id, 2);
        var fields = (await client.ReviewCheckoutAsync()).PlaceOrderFields();

        using var first = await client.PlaceOrderAsync(fields);
        using var second = await client.PlaceOrderAsync(fields);

        Assert.Equal(HttpStatusCode.Redirect, second.StatusCode);
        Assert.Equal(first.Headers.Location, second.Headers.Location);
        var order = Assert.Single(await factory.OrdersOfAsync(customer.Id));
        Assert.Equal($"Your order {order.Number} has already been placed; it was not placed twice.", (await client.FollowAsync(second)).StatusMessage());
        Assert.Equal(8, await factory.StockOfAsync(product.Id));
        Assert.Single(await factory.OutboxForAsync(order.ContactEmail), m => m.Subject.Contains(order.Number));
    }

    [Fact]
    public async Task Submitting_the_same_checkout_several_times_at_once_places_one_order()
    {
        var (client, customer) = await factory.LoggedInCustomerAsync();
        var product = await factory.CreateProductAsync(stock: 10);
        await client.AddToCartAsync(product.Id, 2);
        var fields = (await client.ReviewCheckoutAsync()).PlaceOrderFields();

        var responses = await Task.WhenAll(Enumerable.Range(0, 5).Select(_ => client.PlaceOrderAsync(fields)));

        var order = Assert.Single(await factory.OrdersOfAsync(customer.Id));
        Assert.All(responses, r => Assert.Equal($"/orders/{order.Number}", r.Headers.Location?.OriginalString));
        Assert.Equal(8, await factory.StockOfAsync(product.Id));
    }

    [Theory]
    [InlineData("not a token")]
    [InlineData("")]
    [InlineData("another customer's")]
    public async Task An_unusable_checkout_token_asks_for_a_new_review_and_orders_nothing(string token)
    {
        var (client, customer) = await factory.LoggedInCustomerAsync();
        var product = await factory.CreateProductAsync(stock: 5);
        await client.AddToCartAsync(product.Id);
        var fields = (await client.ReviewCheckoutAsync()).PlaceOrderFields();
        if (token == "another customer's")
        {
            var (otherClient, _) = await factory.LoggedInCustomerAsync();
            await otherClient.AddToCartAsync(product.Id);
            var otherFields = (await otherClient.ReviewCheckoutAsync()).PlaceOrderFields();
            using var placed = await otherClient.PlaceOrderAsync(otherFields);
            Assert.Equal(HttpStatusCode.Redirect, placed.StatusCode);
            token = otherFields["IdempotencyKey"];
        }
        fields["IdempotencyKey"] = token;
        var stock = await factory.StockOfAsync(product.Id);

        using var response = await client.PlaceOrderAsync(fields);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var review = await response.ReadHtmlAsync();
        Assert.Equal("Your checkout page has expired. Please review your order again.", review.QuerySelector(".checkout-problem")!.TextContent);
        var newToken = review.PlaceOrderFields()["IdempotencyKey"];
        Assert.True(CheckoutTokens.IsWellFormed(newToken) && newToken != token);
        Assert.Empty(await factory.OrdersOfAsync(customer.Id));
        Assert.Equal(stock, await factory.StockOfAsync(product.Id));
    }

    [Fact]
    public async Task When_the_stock_ran_out_after_the_review_nothing_changes()
    {
        var (client, customer) = await factory.LoggedInCustomerAsync();
        var plenty = await factory.CreateProductAsync(stock: 10);
        var scarce = await factory.CreateProductAsync(stock: 2);
        await client.AddToCartAsync(plenty.Id, 4);
        await client.AddToCartAsync(scarce.Id, 2);
        var contact = $"no-order-{ShopData.Unique()}@example.com";
        var fields = (await client.ReviewCheckoutAsync(new Dictionary<string, string> { ["Form.ContactEmail"] = contact })).PlaceOrderFields();
        await factory.SetProductAsync(scarce.Id, p => p.Stock = 1);

        using var response = await client.PlaceOrderAsync(fields);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await response.ReadHtmlAsync();
        Assert.Equal($"Only 1 left of {scarce.Name}. Your order has not been placed; please update your cart.",
            page.QuerySelector(".checkout-problem")!.TextContent);
        Assert.Null(page.QuerySelector("button[formaction*='Place']"));
        Assert.Empty(await factory.OrdersOfAsync(customer.Id));
        Assert.Equal((10, 1), (await factory.StockOfAsync(plenty.Id), await factory.StockOfAsync(scarce.Id)));
        Assert.Equal(2, (await client.GetHtmlAsync("/cart")).QuerySelectorAll("tr.cart-line").Length);
        Assert.Empty(await factory.OutboxForAsync(contact));
    }

    [Fact]
    public async Task A_product_retired_after_the_review_is_not_ordered()
    {
        var (client, customer) = await factory.LoggedInCustomerAsync();
        var product = await factory.CreateProductAsync(stock: 5);
        await client.AddToCartAsync(product.Id);
        var fields = (await client.ReviewCheckoutAsync()).PlaceOrderFields();
        await factory.SetProductAsync(product.Id, p => p.IsActive = false);

        using var response = await client.PlaceOrderAsync(fields);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal($"Sorry, {product.Name} is no longer available. Please remove it from your cart.",
            (await response.ReadHtmlAsync()).QuerySelector(".checkout-problem")!.TextContent);
        Assert.Empty(await factory.OrdersOfAsync(customer.Id));
        Assert.Equal(5, await factory.StockOfAsync(product.Id));
    }

    [Fact]
    public async Task A_cart_with_a_problem_cannot_reach_the_review_step()
    {
        var (client, customer) = await factory.LoggedInCustomerAsync();
        var product = await factory.CreateProductAsync(stock: 5);
        await client.AddToCartAsync(product.Id, 5);
        await factory.SetProductAsync(product.Id, p => p.Stock = 3);
        var fields = new Dictionary<string, string>(ShopClient.ValidShipping);

        using var response = await client.PostFormAsync("/checkout", fields, postUrl: "/checkout?handler=Review");

        var page = await response.ReadHtmlAsync();
        Assert.Contains("Please update your cart first.", page.QuerySelector(".validation-summary-errors")!.TextContent);
        Assert.Contains($"Only 3 left of {product.Name}.", page.QuerySelector(".checkout-cart")!.TextContent);
        Assert.Null(page.QuerySelector("form.place-order"));
        Assert.Empty(await factory.OrdersOfAsync(customer.Id));
    }

    [Fact]
    public async Task A_second_checkout_starts_from_the_last_orders_address()
    {
        var (client, _) = await factory.LoggedInCustomerAsync();
        var product = await factory.CreateProductAsync(stock: 5);
        await client.AddToCartAsync(product.Id);
        await client.CheckoutAsync(new Dictionary<string, string> { ["Form.ShippingCity"] = "Reykjavík" });
        await client.AddToCartAsync(product.Id);

        var page = await client.GetHtmlAsync("/checkout");

        Assert.Equal("Reykjavík", page.QuerySelector<AngleSharp.Html.Dom.IHtmlInputElement>("input[name='Form.ShippingCity']")!.Value);
    }

    [Fact]
    public async Task The_review_step_is_a_page_of_its_own_that_reloads_and_after_the_order_sends_back_to_the_cart()
    {
        var (client, customer) = await factory.LoggedInCustomerAsync();
        await client.AddToCartAsync((await factory.CreateProductAsync(price: 3m)).Id, 2);
        using var details = await client.PostFormAsync("/checkout",
            new Dictionary<string, string>(ShopClient.ValidShipping) { ["Form.ShippingCity"] = "Bergen" }, postUrl: "/checkout?handler=Review");

        // The details' POST answers with a redirect, so the review is a GET that Reload and Back can fetch again.
        Assert.Equal(HttpStatusCode.Redirect, details.StatusCode);
        var reviewUrl = details.Headers.Location!.OriginalString;
        var review = await client.GetHtmlAsync(reviewUrl);
        var again = await client.GetHtmlAsync(reviewUrl);
        Assert.Contains("Bergen", review.QuerySelector(".shipping-address")!.TextContent);
        Assert.Contains("Bergen", again.QuerySelector(".shipping-address")!.TextContent);
        Assert.Equal("$10.90", again.QuerySelector(".review-total")!.TextContent);

        using var placed = await client.PlaceOrderAsync(again.PlaceOrderFields());
        Assert.Equal(HttpStatusCode.Redirect, placed.StatusCode);
        using var back = await client.GetAsync(reviewUrl);
        Assert.Equal("/cart", back.Headers.Location?.OriginalString);
        Assert.Single(await factory.OrdersOfAsync(customer.Id));
    }

    [Fact]
    public async Task The_review_step_without_details_starts_the_checkout_over()
    {
        var (client, _) = await factory.LoggedInCustomerAsync();
        await client.AddToCartAsync((await factory.CreateProductAsync()).Id);

        using var response = await client.GetAsync("/checkout?handler=Review");

        Assert.Equal("/checkout", response.Headers.Location?.OriginalString);
    }

    [GeneratedRegex("^WA-[23456789ABCDEFGHJKMNPQRSTUVWXYZ]{8}$")]
    private static partial Regex OrderNumberPattern();
}
