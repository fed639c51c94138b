using WebApp.Tests.Infrastructure;

namespace WebApp.Tests.Shop;

/// <summary>The order confirmation shows each product's picture, from the shop's public address (Media:PublicBaseUrl).</summary>
public sealed class OrderEmailImagesTests : IDisposable
{
    private readonly ShopFactory _factory = new()
    {
        MoreSettings = new Dictionary<string, string?> { ["Media:PublicBaseUrl"] = "https://shop.example.com/" },
    };

    public void Dispose() => _factory.Dispose();

    [Fact]
    public async Task The_confirmation_shows_pictures_by_absolute_address_and_none_for_a_product_without_one()
    {
        var catalog = new CatalogBuilder();
        var boot = catalog.Product("Boot", 50m);
        var image = catalog.Image(boot, "Boot, side", 400, 300);
        var lace = catalog.Product("Lace", 2m);
        await catalog.SaveAsync(_factory);
        var (client, _) = await _factory.LoggedInCustomerAsync();
        await client.AddToCartAsync(boot.Id);
        await client.AddToCartAsync(lace.Id);
        var contact = $"pictures-{ShopData.Unique()}@example.com";

        var review = await client.ReviewCheckoutAsync(new Dictionary<string, string> { ["Form.ContactEmail"] = contact });
        using var placed = await client.PlaceOrderAsync(review.PlaceOrderFields());

        var email = Assert.Single(await _factory.OutboxForAsync(contact));
        Assert.Contains($"<td><img src=\"https://shop.example.com/media/{image.ImageKey}-160.jpg\" width=\"80\" alt=\"\"", email.HtmlBody);
        Assert.Contains("<td>Lace</td>", email.HtmlBody);
        Assert.Single(System.Text.RegularExpressions.Regex.Matches(email.HtmlBody, "<img "));
    }
}
