using System.Globalization;
using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using WebApp.Accounts;
using WebApp.Admin;
using WebApp.Api.Tokens;
using WebApp.Cart;
using WebApp.Catalog;
using WebApp.Data;
using WebApp.Orders;
using WebApp.Tests.Infrastructure;
using WebApp.Tests.Shop;

namespace WebApp.Tests.Accounts;

/// <summary>Closing an account on Identity's "Delete personal data" page, checked in the database.</summary>
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
    public async Task A_customer_with_orders_closes_the_account_and_the_orders_stay_without_their_personal_data()
    {
        var customer = await _factory.CreateUserAsync(Email);
        var other = await _factory.CreateUserAsync("staying@example.com");
        var staff = await _factory.CreateUserAsync("clerk@example.com", u => u.IsStaff = true);
        var kettle = await _factory.CreateProductAsync("Copper Kettle", 49.90m);
        var pan = await _factory.CreateProductAsync("Cast Iron Pan", 35m);
        var kept = await _factory.CreateOrderAsync(customer, kettle, quantity: 2, createdAt: new DateTime(2026, 3, 1, 10, 0, 0, DateTimeKind.Utc));
        var cancelled = await _factory.CreateOrderAsync(customer, pan);
        var othersOrder = await _factory.CreateOrderAsync(other, pan);
        await using (var scope = _factory.Services.CreateAsyncScope())
        {
            var services = scope.ServiceProvider;
            var db = services.GetRequiredService<AppDbContext>();
            db.Set<Review>().AddRange(
                new Review { ProductId = kettle.Id, AuthorId = customer.Id, Rating = 5, Title = "Mine", Body = "By the leaver.", IsApproved = true, CreatedAt = DateTime.UtcNow },
                new Review { ProductId = kettle.Id, AuthorId = other.Id, Rating = 3, Title = "Theirs", Body = "Stays.", IsApproved = true, CreatedAt = DateTime.UtcNow });
            await db.SaveChangesAsync();
            await services.GetRequiredService<ApiTokenService>().CreateAsync(customer.Id, "Leaver's script", null, CancellationToken.None);
            await services.GetRequiredService<ApiTokenService>().CreateAsync(other.Id, "Other's script", null, CancellationToken.None);
            // The customer cancels one order (history by them); staff corrected the other's address (history of their data).
            var cancel = await services.GetRequiredService<OrderWorkflow>().CancelForCustomerAsync(
                cancelled.Number, customer.Id, cancelled.Version, CancellationToken.None);
            Assert.True(cancel.Succeeded, cancel.Message);
            var order = await db.Orders.SingleAsync(o => o.Id == kept.Id);
            order.ShippingAddressLine1 = "2 Analytical Street";
            await services.GetRequiredService<IAdminHistory>().SaveWithHistoryAsync(
                db, [new HistoryRecord(db.Entry(order), LogAction.Change)], staff.Id, CancellationToken.None);
        }
        var client = await LoggedInClientAsync();
        await client.AddToCartAsync(kettle.Id);

        using var response = await client.PostFormAsync(Page, new Dictionary<string, string> { ["Input.Password"] = AccountTestData.Password });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.False(await client.IsLoggedInAsync());
        await _factory.WithDbAsync(async db =>
        {
            Assert.False(await db.Users.AnyAsync(u => u.Id == customer.Id));
            var orders = await db.Orders.Include(o => o.Lines).Include(o => o.StatusChanges).AsNoTracking()
                .Where(o => o.Id == kept.Id || o.Id == cancelled.Id).OrderBy(o => o.Id).ToListAsync();
            Assert.Equal(2, orders.Count);
            foreach (var order in orders)
            {
                Assert.Null(order.CustomerId);
                Assert.Equal(AccountDeletion.PlaceholderEmail, order.ContactEmail);
                Assert.Equal(AccountDeletion.PlaceholderName, order.ShippingName);
                Assert.Equal(AccountDeletion.PlaceholderAddress, order.ShippingAddressLine1);
                Assert.Null(order.ShippingAddressLine2);
                Assert.Equal(AccountDeletion.PlaceholderAddress, order.ShippingCity);
                Assert.Equal(AccountDeletion.PlaceholderAddress, order.ShippingPostalCode);
                Assert.Equal("United Kingdom", order.ShippingCountry);
            }
            // What the books need is untouched: number, lines, amounts, status and its history, dates.
            Assert.Equal(kept.Number, orders[0].Number);
            Assert.Equal(new DateTime(2026, 3, 1, 10, 0, 0, DateTimeKind.Utc), orders[0].CreatedAt);
            Assert.Equal(99.80m, orders[0].Total);
            var line = Assert.Single(orders[0].Lines);
            Assert.Equal(("Copper Kettle", 2, 49.90m), (line.ProductName, line.Quantity, line.UnitPrice));
            Assert.Equal(OrderStatus.Cancelled, orders[1].Status);
            Assert.Contains(orders[1].StatusChanges, c => c.ToStatus == OrderStatus.Cancelled);

            var untouched = await db.Orders.AsNoTracking().SingleAsync(o => o.Id == othersOrder.Id);
            Assert.Equal((other.Id, "staying@example.com", "Ada Lovelace"), (untouched.CustomerId, untouched.ContactEmail, untouched.ShippingName));

            Assert.Equal(["Theirs"], await db.Set<Review>().Select(r => r.Title).ToListAsync());
            Assert.Equal(["Other's script"], await db.Set<ApiToken>().Select(t => t.Name).ToListAsync());
            Assert.False(await db.Set<ShoppingCart>().AnyAsync(c => c.OwnerId == customer.Id));

            // The admin history keeps every action, but neither who the customer was nor their old address.
            var entries = await db.Set<LogEntry>().AsNoTracking().ToListAsync();
            Assert.DoesNotContain(entries, e => e.UserId == customer.Id || e.UserName.Contains(Email, StringComparison.Ordinal));
            Assert.DoesNotContain(entries, e => e.ChangeMessage.Contains("Analytical", StringComparison.Ordinal));
            Assert.Contains(entries, e => e.ObjectId == cancelled.Id.ToString(CultureInfo.InvariantCulture) && e.UserName == AccountDeletion.PlaceholderName);
            Assert.Contains(entries, e => e.ObjectId == kept.Id.ToString(CultureInfo.InvariantCulture) && e.UserId == staff.Id);
        });
    }

    [Fact]
    public async Task When_the_account_cannot_be_deleted_nothing_changes()
    {
        var customer = await _factory.CreateUserAsync(Email);
        var order = await _factory.CreateOrderAsync(customer, await _factory.CreateProductAsync());
        var client = await LoggedInClientAsync();
        // Deleting the API tokens fails (their table is gone, on any engine): a step after the orders were changed.
        await _factory.WithDbAsync(db => db.Database.ExecuteSqlRawAsync("ALTER TABLE \"ApiTokens\" RENAME TO \"ApiTokensGone\""));

        using var response = await client.PostFormAsync(Page, new Dictionary<string, string> { ["Input.Password"] = AccountTestData.Password });

        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        var stored = await _factory.WithDbAsync(db => db.Orders.AsNoTracking().SingleAsync(o => o.Id == order.Id));
        Assert.Equal((customer.Id, Email, "Ada Lovelace"), (stored.CustomerId, stored.ContactEmail, stored.ShippingName));
        Assert.True(await _factory.WithDbAsync(db => db.Users.AnyAsync(u => u.Id == customer.Id)));
        Assert.True(await client.IsLoggedInAsync());
    }
}
