using System.Net;
using Microsoft.EntityFrameworkCore;
using WebApp.Orders;
using WebApp.Tests.Infrastructure;

namespace WebApp.Tests.Accounts;

public class CloseAccountTests : IDisposable
{
    private const string Email = "closing@example.com";
    private const string Page = "/Identity/Account/Manage/DeletePersonalData";
    private readonly WebAppFactory _factory = new();

    public void Dispose() => _factory.Dispose();

    private async Task<HttpClient> LoggedInClientAsync()
    {
        var client = _factory.CreateBrowserClient();
        (await client.LoginAsync(Email)).Dispose();
        return client;
    }

    [Fact]
    public async Task A_customer_without_orders_can_delete_their_account_with_their_password()
    {
        await _factory.CreateUserAsync(Email);
        var client = await LoggedInClientAsync();

        using var wrong = await client.PostFormAsync(Page, new Dictionary<string, string> { ["Input.Password"] = "Wrong!Pass9" });
        Assert.Equal(HttpStatusCode.OK, wrong.StatusCode);
        Assert.Contains("Incorrect password.", (await wrong.ReadHtmlAsync()).Body!.TextContent);

        using var response = await client.PostFormAsync(Page, new Dictionary<string, string> { ["Input.Password"] = AccountTestData.Password });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(0, await _factory.WithDbAsync(db => db.Users.CountAsync()));
        Assert.False(await client.IsLoggedInAsync());
    }

    [Fact]
    public async Task A_customer_with_orders_is_told_why_the_account_stays()
    {
        var customer = await _factory.CreateUserAsync(Email);
        await _factory.WithDbAsync(async db =>
        {
            db.Orders.Add(new Order
            {
                Number = "WA-000001", CustomerId = customer.Id, ContactEmail = Email, ShippingName = "C. Closing",
                ShippingAddressLine1 = "1 High Street", ShippingCity = "Springfield", ShippingPostalCode = "12345",
                ShippingCountry = "Testland", Subtotal = 5m, Total = 5m,
            });
            await db.SaveChangesAsync();
        });
        var client = await LoggedInClientAsync();

        using var response = await client.PostFormAsync(Page, new Dictionary<string, string> { ["Input.Password"] = AccountTestData.Password });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Your account has orders", (await response.ReadHtmlAsync()).Body!.TextContent);
        Assert.Equal(1, await _factory.WithDbAsync(db => db.Users.CountAsync()));
        Assert.True(await client.IsLoggedInAsync());
    }
}
