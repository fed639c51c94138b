using System.Net.Http.Json;
using WebApp.Tests.Infrastructure;
using WebApp.Tests.Shop;

namespace WebApp.Tests.Security;

/// <summary>
/// Every form that POSTs carries its own antiforgery token, or (on pages shared through the output cache) names where
/// its script fetches one, so that a real browser's submission is accepted.
/// </summary>
public sealed class PostFormsTests : IDisposable
{
    private readonly ShopFactory _factory = new();

    public void Dispose() => _factory.Dispose();

    [Fact]
    public async Task Every_post_form_on_the_site_and_in_the_admin_has_an_antiforgery_token()
    {
        var customer = await _factory.CreateCustomerAsync();
        var product = await _factory.CreateProductAsync();
        var order = await _factory.CreateOrderAsync(customer, product);
        var admin = await _factory.LoggedInClientAsync("root@example.com", staff: true, superuser: true);
        await admin.AddToCartAsync(product.Id);

        string[] pages =
        [
            "/", "/products", $"/products/{product.Slug}", $"/products/{product.Slug}/review", "/cart", "/checkout",
            "/Identity/Account/Manage",
            "/admin/", "/admin/catalog/", "/admin/catalog/product/", "/admin/catalog/product/add/",
            $"/admin/catalog/product/{product.Id}/change/", $"/admin/catalog/product/{product.Id}/delete/",
            "/admin/orders/order/", $"/admin/orders/order/{order.Id}/change/", $"/admin/orders/order/{order.Id}/history/",
        ];
        var checkedForms = 0;
        foreach (var url in pages)
        {
            var page = await admin.GetHtmlAsync(url);
            var postForms = page.QuerySelectorAll("form").Where(f => string.Equals(f.GetAttribute("method"), "post", StringComparison.OrdinalIgnoreCase)).ToList();
            foreach (var form in postForms)
            {
                Assert.True(form.QuerySelector("input[name=__RequestVerificationToken]") is not null || await FetchesTokenAsync(admin, form),
                    $"A POST form on {url} has no antiforgery token: {form.OuterHtml[..Math.Min(200, form.OuterHtml.Length)]}");
                checkedForms++;
            }
        }
        Assert.True(checkedForms >= pages.Length, $"Only {checkedForms} POST forms were found: the pages did not render as expected.");
    }

    /// <summary>Whether the form's script can fetch a token: it says so, and its token address answers with one.</summary>
    private static async Task<bool> FetchesTokenAsync(HttpClient client, AngleSharp.Dom.IElement form)
    {
        if (form.GetAttribute("data-antiforgery") != "fetch" || form.GetAttribute("data-token-url") is not { } tokenUrl) return false;
        var token = await client.GetFromJsonAsync<System.Text.Json.JsonElement>(tokenUrl);
        return token.GetProperty("fieldName").GetString() == "__RequestVerificationToken"
            && !string.IsNullOrEmpty(token.GetProperty("requestToken").GetString());
    }
}
