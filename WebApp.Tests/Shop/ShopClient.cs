using System.Net;
using AngleSharp.Html.Dom;
using WebApp.Tests.Infrastructure;

namespace WebApp.Tests.Shop;

/// <summary>What a customer does in the browser, as HTTP requests.</summary>
public static class ShopClient
{
    public static readonly IReadOnlyDictionary<string, string> ValidShipping = new Dictionary<string, string>
    {
        ["Form.ContactEmail"] = "buyer@example.com",
        ["Form.ShippingName"] = "Grace Hopper",
        ["Form.ShippingAddressLine1"] = "42 Compiler Road",
        ["Form.ShippingAddressLine2"] = "",
        ["Form.ShippingCity"] = "Arlington",
        ["Form.ShippingPostalCode"] = "22201",
        ["Form.ShippingCountry"] = "United States",
        ["Form.ShippingMethod"] = "Standard",
        ["Form.PaymentMethod"] = "Bank transfer",
    };

    /// <summary>
    /// Logs in through Identity's login endpoint. The antiforgery token comes from a shop page, so that the shop's tests
    /// do not depend on how the login page is laid out.
    /// </summary>
    public static async Task<HttpResponseMessage> PostLoginAsync(this ShopFactory factory, HttpClient client, string email, string password = ShopData.Password) =>
        await client.PostFormAsync(await factory.FormPageAsync(), new Dictionary<string, string>
        {
            ["Input.Email"] = email,
            ["Input.Password"] = password,
            ["Input.RememberMe"] = "false",
        }, postUrl: "/Identity/Account/Login");

    public static async Task LogInAsync(this ShopFactory factory, HttpClient client, string email)
    {
        using var response = await factory.PostLoginAsync(client, email);
        Assert.True(response.StatusCode == HttpStatusCode.Redirect,
            $"Login of {email} failed: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
    }

    /// <summary>A customer who is logged in with their own client.</summary>
    public static async Task<(HttpClient Client, WebApp.Accounts.ApplicationUser Customer)> LoggedInCustomerAsync(this ShopFactory factory)
    {
        var customer = await factory.CreateCustomerAsync();
        var client = factory.CreateShopClient();
        await factory.LogInAsync(client, customer.Email!);
        return (client, customer);
    }

    /// <summary>Posts an "Add to cart" form as the product page's partial would, with a token from <paramref name="tokenPageUrl"/>.</summary>
    public static async Task<HttpResponseMessage> PostAddToCartAsync(
        this HttpClient client, string productId, string quantity, string tokenPageUrl, string? returnUrl = null)
    {
        var fields = new Dictionary<string, string> { ["ProductId"] = productId, ["Quantity"] = quantity };
        if (returnUrl is not null) fields["ReturnUrl"] = returnUrl;
        return await client.PostFormAsync(tokenPageUrl, fields, postUrl: "/cart/add");
    }

    /// <summary>Adds through the product's own add page, asserting it worked.</summary>
    public static async Task AddToCartAsync(this HttpClient client, int productId, int quantity = 1)
    {
        using var response = await client.PostAddToCartAsync(productId.ToString(), quantity.ToString(), $"/cart/add?productId={productId}");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var page = await client.FollowAsync(response);
        Assert.Contains("Added", page.QuerySelector(".status-message")?.TextContent ?? "(no message)");
    }

    /// <summary>GETs the Location of a redirect.</summary>
    public static async Task<IHtmlDocument> FollowAsync(this HttpClient client, HttpResponseMessage redirect)
    {
        Assert.True(redirect.StatusCode is HttpStatusCode.Redirect or HttpStatusCode.Found or HttpStatusCode.SeeOther,
            $"Expected a redirect, got {(int)redirect.StatusCode}: {await redirect.Content.ReadAsStringAsync()}");
        return await client.GetHtmlAsync(redirect.Headers.Location!.OriginalString);
    }

    public static string? StatusMessage(this IHtmlDocument page) => page.QuerySelector(".status-message")?.TextContent.Trim();

    /// <summary>Fills the checkout details and returns the review step's page.</summary>
    public static async Task<IHtmlDocument> ReviewCheckoutAsync(this HttpClient client, IDictionary<string, string>? changes = null)
    {
        var fields = new Dictionary<string, string>(ValidShipping);
        foreach (var (key, value) in changes ?? new Dictionary<string, string>()) fields[key] = value;
        using var response = await client.PostFormAsync("/checkout", fields, postUrl: "/checkout?handler=Review");
        Assert.Equal("/checkout?handler=Review", response.Headers.Location?.OriginalString);
        return await client.FollowAsync(response);
    }

    /// <summary>The review step's hidden fields (shipping details, one-time key, cart version, antiforgery token).</summary>
    public static Dictionary<string, string> PlaceOrderFields(this IHtmlDocument review)
    {
        var form = review.QuerySelector("form.place-order") ?? throw new InvalidOperationException("No review step:\n" + review.Body?.TextContent);
        return form.QuerySelectorAll("input[type=hidden]").Cast<IHtmlInputElement>()
            .ToDictionary(i => i.Name!, i => i.Value);
    }

    public static Task<HttpResponseMessage> PlaceOrderAsync(this HttpClient client, IDictionary<string, string> fields) =>
        client.PostAsync("/checkout?handler=Place", new FormUrlEncodedContent(fields));

    /// <summary>The whole checkout: details, review, place; returns the order number from the redirect.</summary>
    public static async Task<string> CheckoutAsync(this HttpClient client, IDictionary<string, string>? changes = null)
    {
        var review = await client.ReviewCheckoutAsync(changes);
        using var response = await client.PlaceOrderAsync(review.PlaceOrderFields());
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return response.Headers.Location!.OriginalString.Split('/').Last();
    }

    /// <summary>The path and query of a Location header, whether the app wrote it absolute or relative.</summary>
    public static string PathAndQuery(this Uri uri) => uri.IsAbsoluteUri ? uri.PathAndQuery : uri.OriginalString;
}
