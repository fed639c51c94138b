using WebApp.Tests.Infrastructure;

namespace WebApp.Tests.Admin;

public class SmokeTests : IDisposable
{
    private readonly WebAppFactory _factory = new();

    public void Dispose() => _factory.Dispose();

    [Fact]
    public async Task Superuser_sees_pages()
    {
        var client = await _factory.LoggedInClientAsync("root@example.com", superuser: true);
        foreach (var url in new[] { "/admin/", "/admin/catalog/", "/admin/catalog/product/", "/admin/catalog/product/add/", "/admin/orders/order/", "/admin/admin/logentry/", "/admin/catalog/category/add/" })
        {
            using var response = await client.GetAsync(url);
            var body = await response.Content.ReadAsStringAsync();
            Assert.True(response.IsSuccessStatusCode, url + " " + response.StatusCode + body[..Math.Min(3000, body.Length)]);
        }
    }
}
