using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using WebApp.Accounts;
using WebApp.Tests.Infrastructure;
using WebApp.Tests.Shop;

namespace WebApp.Tests.Accounts;

/// <summary>
/// The sign-in cookie's security-stamp check: a changed password or a deactivated account ends the user's other
/// sessions within a minute (the check's interval), and an untouched session outlives the check.
/// </summary>
public sealed class SessionStampTests : IDisposable
{
    private const string Email = "two.devices@example.com";
    private readonly ManualClock _clock = new();
    private readonly ShopFactory _factory;

    public SessionStampTests() => _factory = new ShopFactory { Clock = _clock };

    public void Dispose() => _factory.Dispose();

    [Fact]
    public async Task A_changed_stamp_ends_the_session_when_the_minute_is_up_and_not_before()
    {
        var client = await _factory.LoggedInClientAsync(Email, staff: false);
        Assert.True(await client.IsLoggedInAsync());
        await using (var scope = _factory.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
            await users.UpdateSecurityStampAsync((await users.FindByEmailAsync(Email))!);
        }

        _clock.Advance(TimeSpan.FromSeconds(50));
        Assert.True(await client.IsLoggedInAsync());

        _clock.Advance(TimeSpan.FromSeconds(11));
        Assert.False(await client.IsLoggedInAsync());
    }

    [Fact]
    public async Task An_unchanged_stamp_keeps_the_session_past_the_check()
    {
        var client = await _factory.LoggedInClientAsync(Email, staff: false);
        Assert.True(await client.IsLoggedInAsync());

        _clock.Advance(TimeSpan.FromSeconds(61));
        Assert.True(await client.IsLoggedInAsync());
        _clock.Advance(TimeSpan.FromSeconds(61));
        Assert.True(await client.IsLoggedInAsync());
    }
}
