using System.Net;
using Microsoft.EntityFrameworkCore;
using WebApp.Mail;
using WebApp.Tests.Infrastructure;

namespace WebApp.Tests.Shop;

public sealed class CheckoutConcurrencyTests : IDisposable
{
    private const int Customers = 50;
    private const int Stock = 10;
    private readonly ShopFactory _factory = new();

    public void Dispose() => _factory.Dispose();

    [Fact]
    public async Task Fifty_customers_buying_the_last_ten_at_once_get_exactly_ten_orders_and_never_oversell()
    {
        var product = await _factory.CreateProductAsync(name: "Last Lamp", price: 12.5m, stock: Stock);

        // Each customer: own browser, logged in, the lamp in the cart, at the review step.
        using var preparing = new SemaphoreSlim(8);
        var shoppers = await Task.WhenAll(Enumerable.Range(0, Customers).Select(async _ =>
        {
            await preparing.WaitAsync();
            try
            {
                var (client, customer) = await _factory.LoggedInCustomerAsync();
                await client.AddToCartAsync(product.Id);
                var contact = $"rush-{ShopData.Unique()}@example.com";
                var fields = (await client.ReviewCheckoutAsync(new Dictionary<string, string> { ["Form.ContactEmail"] = contact })).PlaceOrderFields();
                return (Client: client, Customer: customer, Fields: fields);
            }
            finally
            {
                preparing.Release();
            }
        }));

        var go = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var placing = shoppers.Select(async shopper =>
        {
            await go.Task;
            using var response = await shopper.Client.PlaceOrderAsync(shopper.Fields);
            return (response.StatusCode, Location: response.Headers.Location?.OriginalString, Body: await response.Content.ReadAsStringAsync());
        }).ToList();
        go.SetResult();
        var results = await Task.WhenAll(placing);

        Assert.All(results, r => Assert.True((int)r.StatusCode < 500, $"{(int)r.StatusCode}: {r.Body}"));
        var winners = results.Where(r => r.StatusCode == HttpStatusCode.Redirect).ToList();
        var losers = results.Where(r => r.StatusCode != HttpStatusCode.Redirect).ToList();
        Assert.Equal(Stock, winners.Count);
        Assert.All(winners, w => Assert.StartsWith("/orders/WA-", w.Location));
        Assert.Equal(Customers - Stock, losers.Count);
        Assert.All(losers, l => Assert.Contains("Only 0 left of Last Lamp", l.Body));

        await _factory.WithDbAsync(async db =>
        {
            Assert.Equal(0, await db.Products.Where(p => p.Id == product.Id).Select(p => p.Stock).SingleAsync());
            Assert.False(await db.Products.AnyAsync(p => p.Stock < 0));
            Assert.Equal(Stock, await db.Orders.CountAsync());
            Assert.Equal(Stock, await db.OrderLines.Where(l => l.ProductId == product.Id).SumAsync(l => l.Quantity));
            Assert.Equal(Stock, await db.Orders.Select(o => o.CustomerId).Distinct().CountAsync());
            Assert.Equal(Stock, await db.Set<OutboxMessage>().CountAsync(m => m.To.StartsWith("rush-")));
        });
    }
}
