using System.Net;
using System.Net.Http.Headers;
using Microsoft.EntityFrameworkCore;
using WebApp.Tests.Infrastructure;
using WebApp.Tests.Shop;

namespace WebApp.Tests.Site.ConditionalGet;

/// <summary>ETag and 304 Not Modified for product pages and the API's GETs: the same tag until the content changes.</summary>
public sealed class EntityTagTests(ShopFactory factory) : IClassFixture<ShopFactory>
{
    [Theory]
    [InlineData("/products/{slug}")]
    [InlineData("/api/products/{id}")]
    [InlineData("/api/products?q={sku}")]
    [InlineData("/api/categories")]
    public async Task A_client_holding_the_current_version_gets_304_and_a_new_version_after_a_change(string template)
    {
        var product = await factory.CreateProductAsync(price: 10m);
        var url = template.Replace("{slug}", product.Slug).Replace("{id}", product.Id.ToString()).Replace("{sku}", product.Sku);
        var client = factory.CreateShopClient();

        using var first = await client.GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        var entityTag = first.Headers.ETag ?? throw new Xunit.Sdk.XunitException($"{url} has no ETag");

        using var unchanged = await GetIfNoneMatchAsync(client, url, entityTag);
        Assert.Equal(HttpStatusCode.NotModified, unchanged.StatusCode);
        Assert.Empty(await unchanged.Content.ReadAsByteArrayAsync());

        var newName = "Renamed " + ShopData.Unique();
        await factory.WithDbAsync(async db =>
        {
            (await db.Categories.SingleAsync(c => c.Id == product.CategoryId)).Name = newName;
            await db.SaveChangesAsync();
        });

        using var changed = await GetIfNoneMatchAsync(client, url, entityTag);
        Assert.Equal(HttpStatusCode.OK, changed.StatusCode);
        Assert.NotEqual(entityTag, changed.Headers.ETag);
        Assert.Contains(newName, await changed.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task A_customer_who_signed_in_since_gets_their_own_page_not_a_304_for_the_shared_one()
    {
        var product = await factory.CreateProductAsync();
        var url = $"/products/{product.Slug}";
        using var shared = await factory.CreateShopClient().GetAsync(url);
        var (customer, account) = await factory.LoggedInCustomerAsync();

        using var own = await GetIfNoneMatchAsync(customer, url, shared.Headers.ETag!);

        Assert.Equal(HttpStatusCode.OK, own.StatusCode);
        Assert.Contains(account.Email!, await own.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Another_tag_gets_the_whole_page()
    {
        var product = await factory.CreateProductAsync();
        var client = factory.CreateShopClient();

        using var response = await GetIfNoneMatchAsync(client, $"/products/{product.Slug}", new EntityTagHeaderValue("\"not-this-one\""));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains(product.Name, await response.Content.ReadAsStringAsync());
    }

    private static Task<HttpResponseMessage> GetIfNoneMatchAsync(HttpClient client, string url, EntityTagHeaderValue entityTag)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, url);
        request.Headers.IfNoneMatch.Add(entityTag);
        return client.SendAsync(request);
    }
}
