using System.Net;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using WebApp.Accounts;
using WebApp.Tests.Infrastructure;

namespace WebApp.Tests.Accounts;

public class TwoFactorLoginTests : IDisposable
{
    private const string Email = "careful@example.com";
    private readonly WebAppFactory _factory = new();

    public void Dispose() => _factory.Dispose();

    [Fact]
    public async Task With_an_authenticator_the_login_page_asks_for_the_code_and_only_then_signs_in()
    {
        await _factory.CreateUserAsync(Email);
        string key;
        await using (var scope = _factory.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
            var user = (await users.FindByEmailAsync(Email))!;
            await users.ResetAuthenticatorKeyAsync(user);
            await users.SetTwoFactorEnabledAsync(user, true);
            key = (await users.GetAuthenticatorKeyAsync(user))!;
        }
        var client = _factory.CreateBrowserClient();

        using var password = await client.LoginAsync(Email, returnUrl: "/Identity/Account/Manage");

        Assert.Equal(HttpStatusCode.Redirect, password.StatusCode);
        var codePage = password.Headers.Location!.OriginalString;
        Assert.StartsWith("/Identity/Account/LoginWith2fa?", codePage);
        Assert.False(await client.IsLoggedInAsync());
        Assert.Null(await _factory.WithDbAsync(db => db.Users.Select(u => u.LastLogin).SingleAsync()));

        using var code = await client.PostFormAsync(codePage, new Dictionary<string, string>
        {
            ["Input.TwoFactorCode"] = AuthenticatorCodes.Now(key),
            ["Input.RememberMachine"] = "false",
        });

        Assert.Equal(HttpStatusCode.Redirect, code.StatusCode);
        Assert.Equal("/Identity/Account/Manage", code.Headers.Location?.OriginalString);
        Assert.True(await client.IsLoggedInAsync());
        Assert.NotNull(await _factory.WithDbAsync(db => db.Users.Select(u => u.LastLogin).SingleAsync()));
    }
}
