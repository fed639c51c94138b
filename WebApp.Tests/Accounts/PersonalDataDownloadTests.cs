using System.Net;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using WebApp.Api.Tokens;
using WebApp.Catalog;
using WebApp.Data;
using WebApp.Tests.Infrastructure;
using WebApp.Tests.Shop;

namespace WebApp.Tests.Accounts;

/// <summary>"Download" on Identity's personal data page: the account, orders with lines, reviews and API token names.</summary>
public class PersonalDataDownloadTests : IDisposable
{
    private const string Email = "downloader@example.com";
    private readonly WebAppFactory _factory = new();

    public void Dispose() => _factory.Dispose();

    [Fact]
    public async Task The_download_holds_the_customers_orders_reviews_and_token_names_but_no_secret()
    {
        var customer = await _factory.CreateUserAsync(Email, u => u.DisplayName = "Dora <Downloader>");
        var other = await _factory.CreateUserAsync("other@example.com");
        var kettle = await _factory.CreateProductAsync("Copper Kettle", 49.90m);
        var order = await _factory.CreateOrderAsync(customer, kettle, quantity: 2);
        await _factory.CreateOrderAsync(other, kettle);
        CreatedApiToken token;
        await using (var scope = _factory.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            db.Set<Review>().Add(new Review
            {
                ProductId = kettle.Id, AuthorId = customer.Id, Rating = 4, Title = "Loud", Body = "Whistles.", CreatedAt = DateTime.UtcNow,
            });
            await db.SaveChangesAsync();
            token = await scope.ServiceProvider.GetRequiredService<ApiTokenService>().CreateAsync(customer.Id, "Stock script", null, CancellationToken.None);
        }
        var client = _factory.CreateBrowserClient();
        (await client.LoginAsync(Email)).Dispose();

        using var response = await client.PostFormAsync("/Identity/Account/Manage/PersonalData", new Dictionary<string, string>(),
            postUrl: "/Identity/Account/Manage/DownloadPersonalData", formSelector: "#download-data");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("PersonalData.json", response.Content.Headers.ContentDisposition?.FileName);
        var text = await response.Content.ReadAsStringAsync();
        Assert.DoesNotContain(token.Secret, text);
        Assert.DoesNotContain(token.Secret.Split('_')[1], text); // not even the public prefix: names and dates only
        Assert.DoesNotContain("other@example.com", text);
        using var json = JsonDocument.Parse(text);
        var root = json.RootElement;

        Assert.Equal(Email, root.GetProperty("account").GetProperty("Email").GetString());
        Assert.Equal("Dora <Downloader>", root.GetProperty("account").GetProperty("DisplayName").GetString());

        var placed = Assert.Single(root.GetProperty("orders").EnumerateArray());
        Assert.Equal(order.Number, placed.GetProperty("number").GetString());
        Assert.Equal("Pending", placed.GetProperty("status").GetString());
        Assert.Equal("1 Analytical Street", placed.GetProperty("shipping").GetProperty("addressLine1").GetString());
        Assert.Equal(99.80m, placed.GetProperty("total").GetDecimal());
        var line = Assert.Single(placed.GetProperty("lines").EnumerateArray());
        Assert.Equal(("Copper Kettle", 2, 49.90m, 99.80m),
            (line.GetProperty("productName").GetString(), line.GetProperty("quantity").GetInt32(),
             line.GetProperty("unitPrice").GetDecimal(), line.GetProperty("lineTotal").GetDecimal()));

        var review = Assert.Single(root.GetProperty("reviews").EnumerateArray());
        Assert.Equal(("Copper Kettle", 4, "Loud", "Whistles.", "Waiting for moderation"),
            (review.GetProperty("product").GetString(), review.GetProperty("rating").GetInt32(), review.GetProperty("title").GetString(),
             review.GetProperty("body").GetString(), review.GetProperty("status").GetString()));

        var apiToken = Assert.Single(root.GetProperty("apiTokens").EnumerateArray());
        Assert.Equal("Stock script", apiToken.GetProperty("name").GetString());
        Assert.Equal(["name", "createdAt", "expiresAt", "lastUsedAt", "revokedAt"], apiToken.EnumerateObject().Select(p => p.Name));
    }

    [Fact]
    public async Task The_download_answers_only_a_post_with_the_antiforgery_token()
    {
        await _factory.CreateUserAsync(Email);
        var client = _factory.CreateBrowserClient();
        (await client.LoginAsync(Email)).Dispose();

        using var get = await client.GetAsync("/Identity/Account/Manage/DownloadPersonalData");
        using var forged = await client.PostAsync("/Identity/Account/Manage/DownloadPersonalData", new FormUrlEncodedContent([]));

        Assert.Equal(HttpStatusCode.NotFound, get.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, forged.StatusCode);
    }
}
