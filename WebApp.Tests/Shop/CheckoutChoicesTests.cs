using Microsoft.EntityFrameworkCore;
using WebApp.Orders;
using WebApp.Tests.Infrastructure;

namespace WebApp.Tests.Shop;

/// <summary>Shipping and payment methods (from the Checkout settings), the country list, and what the customer must do next.</summary>
public sealed class CheckoutChoicesTests(ShopFactory factory) : IClassFixture<ShopFactory>
{
    [Fact]
    public async Task The_cart_and_the_details_form_offer_the_configured_shipping_methods_with_prices_and_a_country_list()
    {
        var (client, _) = await factory.LoggedInCustomerAsync();
        await client.AddToCartAsync((await factory.CreateProductAsync()).Id);

        var cart = await client.GetHtmlAsync("/cart");
        var form = await client.GetHtmlAsync("/checkout");

        Assert.Equal(["Standard: $4.90 (3–5 working days)", "Express: $12.90 (Next working day if ordered by 2 pm)"],
            cart.QuerySelectorAll(".shipping-option").Select(o => o.TextContent.Trim()));
        Assert.Equal(["Standard", "Express"], form.QuerySelectorAll("input[name='Form.ShippingMethod']").Select(i => i.GetAttribute("value")));
        Assert.Equal("Standard", form.QuerySelector("input[name='Form.ShippingMethod'][checked]")!.GetAttribute("value"));
        Assert.Equal(["Bank transfer", "Pay on delivery"], form.QuerySelectorAll("input[name='Form.PaymentMethod']").Select(i => i.GetAttribute("value")));
        var countries = form.QuerySelectorAll("select[name='Form.ShippingCountry'] option").Select(o => o.TextContent).ToList();
        Assert.Contains("United Kingdom", countries);
        Assert.Equal("Choose a country…", countries[0]);
    }

    [Fact]
    public async Task Bank_transfer_by_express_costs_subtotal_plus_express_and_says_where_to_pay_with_the_reference()
    {
        var (client, customer) = await factory.LoggedInCustomerAsync();
        await client.AddToCartAsync((await factory.CreateProductAsync(price: 20m)).Id, 2);
        var contact = $"transfer-{ShopData.Unique()}@example.com";

        var review = await client.ReviewCheckoutAsync(new Dictionary<string, string>
        {
            ["Form.ShippingMethod"] = "Express",
            ["Form.PaymentMethod"] = "Bank transfer",
            ["Form.ContactEmail"] = contact,
        });
        Assert.Equal(("Express", "$12.90", "$52.90"), (review.QuerySelector(".review-shipping-method")!.TextContent,
            review.QuerySelector(".review-shipping")!.TextContent, review.QuerySelector(".review-total")!.TextContent));
        Assert.StartsWith("Bank transfer", review.QuerySelector(".review-payment")!.TextContent.Trim());
        using var placed = await client.PlaceOrderAsync(review.PlaceOrderFields());
        var page = await client.FollowAsync(placed);

        var order = Assert.Single(await factory.OrdersOfAsync(customer.Id));
        Assert.Equal(("Express", 12.90m, 40m, 52.90m, "Bank transfer"),
            (order.ShippingMethod, order.ShippingCost, order.Subtotal, order.Total, order.PaymentMethod));
        var nextStep = page.QuerySelector(".next-step")!.TextContent;
        Assert.Contains("Please transfer $52.90 to WebApp Ltd", nextStep);
        Assert.Contains($"with the reference {order.Number}", nextStep);
        Assert.Equal(order.Number, page.QuerySelector(".payment-reference")!.TextContent);
        var email = Assert.Single(await factory.OutboxForAsync(contact));
        Assert.Contains($"with the reference {order.Number}", email.HtmlBody);
        Assert.Contains("Shipping (Express)", email.HtmlBody);
    }

    [Fact]
    public async Task Pay_on_delivery_tells_the_customer_there_is_nothing_to_pay_now_and_the_next_step_follows_the_status()
    {
        var (client, customer) = await factory.LoggedInCustomerAsync();
        await client.AddToCartAsync((await factory.CreateProductAsync(price: 10m)).Id);

        var number = await client.CheckoutAsync(new Dictionary<string, string> { ["Form.PaymentMethod"] = "Pay on delivery" });

        var page = await client.GetHtmlAsync($"/orders/{number}");
        Assert.Equal("Nothing to pay now: please have $14.90 ready for the courier, in cash or by card, when your order arrives.",
            page.QuerySelector(".next-step")!.TextContent);
        await factory.WithDbAsync(db => db.Orders.Where(o => o.Number == number)
            .ExecuteUpdateAsync(o => o.SetProperty(x => x.Status, OrderStatus.Shipped)));
        Assert.StartsWith("Your order is on its way (Standard)", (await client.GetHtmlAsync($"/orders/{number}")).QuerySelector(".next-step")!.TextContent);
        Assert.Equal("Pay on delivery", Assert.Single(await factory.OrdersOfAsync(customer.Id)).PaymentMethod);
    }

    [Fact]
    public async Task The_next_checkout_starts_from_the_last_orders_methods()
    {
        var (client, _) = await factory.LoggedInCustomerAsync();
        var product = await factory.CreateProductAsync(stock: 5);
        await client.AddToCartAsync(product.Id);
        await client.CheckoutAsync(new Dictionary<string, string> { ["Form.ShippingMethod"] = "Express", ["Form.PaymentMethod"] = "Pay on delivery" });
        await client.AddToCartAsync(product.Id);

        var form = await client.GetHtmlAsync("/checkout");

        Assert.Equal("Express", form.QuerySelector("input[name='Form.ShippingMethod'][checked]")!.GetAttribute("value"));
        Assert.Equal("Pay on delivery", form.QuerySelector("input[name='Form.PaymentMethod'][checked]")!.GetAttribute("value"));
        Assert.Equal("United States", form.QuerySelector("select[name='Form.ShippingCountry'] option[selected]")!.GetAttribute("value"));
    }
}
