using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using WebApp.Tests.Infrastructure;

namespace WebApp.Tests.Accounts;

public class DemoDataTests : IDisposable
{
    /// <summary>Outlives the factories, as a database outlives restarts.</summary>
    private readonly TestDatabase _database = new();

    public void Dispose() => _database.Dispose();

    /// <summary>The app as `dotnet run` starts it in Development.</summary>
    private sealed class DevelopmentFactory : WebAppFactory
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.UseEnvironment("Development");
        }
    }

    private async Task<(int Users, int Products, int Categories, int Tags, int Reviews)> CountsAsync(WebAppFactory factory) =>
        await factory.WithDbAsync(async db => (
            await db.Users.CountAsync(), await db.Products.CountAsync(), await db.Categories.CountAsync(),
            await db.Tags.CountAsync(), await db.Reviews.CountAsync()));

    [Fact]
    public async Task An_empty_development_database_gets_a_catalog_and_three_accounts_that_can_log_in_once()
    {
        (int Users, int Products, int Categories, int Tags, int Reviews) first;
        using (var factory = new DevelopmentFactory { SharedDatabase = _database })
        {
            first = await CountsAsync(factory);
            Assert.Equal(3, first.Users);
            Assert.Equal(30, first.Products);
            Assert.Equal(6, first.Categories);
            Assert.InRange(first.Tags, 3, 6);
            await factory.WithDbAsync(async db =>
            {
                Assert.InRange(await db.Products.CountAsync(p => !p.IsActive), 1, 5);
                Assert.True(await db.Reviews.AnyAsync(r => r.IsApproved));
                Assert.True(await db.Reviews.AnyAsync(r => !r.IsApproved));
                Assert.True(await db.Products.AnyAsync(p => p.Tags.Any()));
                // Every product has a picture drawn at seed time, stored in every size up to its own width.
                var images = await db.ProductImages.ToListAsync();
                Assert.Equal(30, images.Select(i => i.ProductId).Distinct().Count());
                Assert.All(images, i => Assert.True(i.IsPrimary && i.Width == 640 && i.Height == 480 && i.AltText.Length > 0));
                Assert.All(images, i => Assert.Equal((640, 480, false, "JPEG"),
                    TestImages.Inspect(File.ReadAllBytes(Path.Combine(factory.MediaDirectory, $"{i.ImageKey}-640.jpg")))));
                var accounts = await db.Users.OrderBy(u => u.Email).ToListAsync();
                Assert.Equal(["admin@example.com", "customer@example.com", "staff@example.com"], accounts.Select(u => u.Email));
                Assert.All(accounts, u => Assert.True(u.EmailConfirmed && u.IsActive));
                Assert.Equal([true, false, true], accounts.Select(u => u.IsStaff));
                Assert.Equal([true, false, false], accounts.Select(u => u.IsSuperuser));

                // The staff account holds exactly the fulfilment and moderation permissions, through its roles.
                var staffPermissions = await db.UserRoles.Where(ur => ur.UserId == accounts[2].Id)
                    .Join(db.RoleClaims, ur => ur.RoleId, rc => rc.RoleId, (ur, rc) => rc)
                    .Where(rc => rc.ClaimType == "permission").Select(rc => rc.ClaimValue).OrderBy(v => v).ToListAsync();
                Assert.Equal(["catalog.change_review", "catalog.view_review", "orders.change_order", "orders.view_order", "orders.view_orderline"],
                    staffPermissions);
                Assert.Empty(await db.UserClaims.ToListAsync());
            });

            foreach (var (email, password) in new[]
                     {
                         ("admin@example.com", "Admin!2345"), ("staff@example.com", "Staff!2345"), ("customer@example.com", "Customer!2345"),
                     })
            {
                var client = factory.CreateBrowserClient();
                using var response = await client.LoginAsync(email, password);
                Assert.True(response.StatusCode == HttpStatusCode.Redirect, $"{email} could not log in.");
                Assert.True(await client.IsLoggedInAsync());
            }
        }

        using (var restarted = new DevelopmentFactory { SharedDatabase = _database })
        {
            Assert.Equal(first, await CountsAsync(restarted));
        }
    }

    [Fact]
    public async Task A_database_with_users_gets_no_demo_data()
    {
        using (var testing = new WebAppFactory { SharedDatabase = _database })
            await testing.CreateUserAsync("owner@example.com");

        using var development = new DevelopmentFactory { SharedDatabase = _database };

        Assert.Equal((1, 0, 0, 0, 0), await CountsAsync(development));
    }
}
