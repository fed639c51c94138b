using System.Net;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.Mvc.Testing.Handlers;
using Microsoft.EntityFrameworkCore;
using WebApp.Tests.Infrastructure;
using WebApp.Tests.Shop;

namespace WebApp.Tests.Data;

/// <summary>The Data Protection key ring lives in the app's database, so sign-in cookies outlive a restart.</summary>
public sealed class KeyRingTests
{
    private const string Email = "keyring@example.com";
    private const string AccountPage = "/Identity/Account/Manage";

    [Fact]
    public async Task A_cookie_issued_before_a_restart_is_accepted_after_it()
    {
        var cookies = new CookieContainer();
        using var restarted = new ShopFactory();
        using (var first = new ShopFactory { SharedDatabase = restarted.Database })
        {
            await first.CreateUserAsync(Email);
            await Client(first, cookies).LoginAsync(Email);
            Assert.Equal(HttpStatusCode.OK, (await Client(first, cookies).GetAsync(AccountPage)).StatusCode);
            Assert.NotEmpty(await first.WithDbAsync(db => db.DataProtectionKeys.Select(k => k.Xml).ToListAsync()));
        }

        using var afterRestart = await Client(restarted, cookies).GetAsync(AccountPage);
        Assert.Equal(HttpStatusCode.OK, afterRestart.StatusCode);

    }

    private static HttpClient Client(WebAppFactory factory, CookieContainer cookies)
    {
        factory.EnsureMigrated();
        return factory.CreateDefaultClient(new Uri("https://localhost"), new CookieContainerHandler(cookies));
    }
}
