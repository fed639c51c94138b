using System.Net;
using WebApp.Tests.Infrastructure;
using WebApp.Tests.Shop;

namespace WebApp.Tests.Accounts;

/// <summary>
/// Sign-in attempts are limited per client address (5 here) and per account (3 here) in 15-minute windows; a browser the
/// account has signed in on keeps a budget of its own, so an attacker cannot lock its owner out.
/// </summary>
public class SignInThrottleTests : IDisposable
{
    private const string Victim = "victim@example.com";
    private readonly ManualClock _clock = new();
    private readonly AccountsFactory _factory;

    public SignInThrottleTests() => _factory = new AccountsFactory
    {
        Clock = _clock,
        MoreSettings = new Dictionary<string, string?>
        {
            ["Accounts:SignInThrottle:PerAddressPermitLimit"] = "5",
            ["Accounts:SignInThrottle:PerAccountPermitLimit"] = "3",
            ["Accounts:SignInThrottle:Window"] = "00:15:00",
        },
    };

    public void Dispose() => _factory.Dispose();

    private static async Task<HttpStatusCode> TryAsync(HttpClient client, string email, string password = "Wrong!Pass9")
    {
        using var response = await client.LoginAsync(email, password);
        return response.StatusCode;
    }

    [Theory]
    [InlineData(Victim)]
    [InlineData("nobody@example.com")]
    public async Task Past_the_account_limit_attempts_are_refused_with_429_for_known_and_unknown_emails_alike(string email)
    {
        await _factory.CreateUserAsync(Victim);
        var attacker = _factory.ClientFrom("203.0.113.1");
        for (var attempt = 1; attempt <= 3; attempt++) Assert.Equal(HttpStatusCode.OK, await TryAsync(attacker, email));

        using var refused = await attacker.LoginAsync(email, AccountTestData.Password);

        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.Equal(TimeSpan.FromMinutes(15), refused.Headers.RetryAfter?.Delta);
        var text = (await refused.ReadHtmlAsync()).Body!.TextContent;
        Assert.Contains("Too many attempts", text);
        Assert.Contains("Try again in 15 minutes.", text);
        Assert.False(await attacker.IsLoggedInAsync());
        // From another address, the same account is refused too: the limit is the account's.
        Assert.Equal(HttpStatusCode.TooManyRequests, await TryAsync(_factory.ClientFrom("198.51.100.7"), email, AccountTestData.Password));
    }

    [Fact]
    public async Task The_owner_still_signs_in_on_a_browser_they_used_before_while_an_attacker_spends_the_accounts_budget()
    {
        await _factory.CreateUserAsync(Victim);
        var owner = _factory.ClientFrom("198.51.100.7");
        Assert.Equal(HttpStatusCode.Redirect, await TryAsync(owner, Victim, AccountTestData.Password));
        var manage = await owner.GetHtmlAsync("/Identity/Account/Manage");
        using (await owner.PostAsync("/Identity/Account/Logout", new FormUrlEncodedContent(
                   new Dictionary<string, string> { ["__RequestVerificationToken"] = manage.AntiforgeryToken() }))) { }
        Assert.False(await owner.IsLoggedInAsync());

        var attacker = _factory.ClientFrom("203.0.113.1");
        for (var attempt = 1; attempt <= 3; attempt++) await TryAsync(attacker, Victim);
        Assert.Equal(HttpStatusCode.TooManyRequests, await TryAsync(attacker, Victim));

        Assert.Equal(HttpStatusCode.Redirect, await TryAsync(owner, Victim, AccountTestData.Password));
        Assert.True(await owner.IsLoggedInAsync());
    }

    [Fact]
    public async Task Past_the_address_limit_every_account_is_refused_from_that_address_but_not_from_others()
    {
        await _factory.CreateUserAsync(Victim);
        var guesser = _factory.ClientFrom("203.0.113.1");
        for (var attempt = 1; attempt <= 5; attempt++)
            Assert.Equal(HttpStatusCode.OK, await TryAsync(guesser, $"guess{attempt}@example.com"));

        Assert.Equal(HttpStatusCode.TooManyRequests, await TryAsync(guesser, Victim, AccountTestData.Password));
        Assert.Equal(HttpStatusCode.Redirect, await TryAsync(_factory.ClientFrom("198.51.100.7"), Victim, AccountTestData.Password));
    }

    [Fact]
    public async Task Retry_after_is_the_time_left_in_the_window_and_the_window_then_renews()
    {
        await _factory.CreateUserAsync(Victim);
        var client = _factory.ClientFrom("203.0.113.1");
        for (var attempt = 1; attempt <= 3; attempt++) await TryAsync(client, Victim);

        _clock.Advance(TimeSpan.FromMinutes(10));
        using var refused = await client.LoginAsync(Victim, AccountTestData.Password);

        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.Equal(TimeSpan.FromMinutes(5), refused.Headers.RetryAfter?.Delta);
        Assert.Contains("Try again in 5 minutes.", (await refused.ReadHtmlAsync()).Body!.TextContent);

        _clock.Advance(TimeSpan.FromMinutes(5));
        Assert.Equal(HttpStatusCode.Redirect, await TryAsync(client, Victim, AccountTestData.Password));
    }

    [Fact]
    public async Task The_two_factor_code_page_is_throttled_per_account()
    {
        await _factory.CreateUserAsync(Victim, user => user.TwoFactorEnabled = true);
        var client = _factory.ClientFrom("203.0.113.1");
        using var password = await client.LoginAsync(Victim, AccountTestData.Password);
        Assert.StartsWith("/Identity/Account/LoginWith2fa", password.Headers.Location!.OriginalString);
        var codePage = password.Headers.Location!.OriginalString;

        var statuses = new List<HttpStatusCode>();
        for (var attempt = 1; attempt <= 3; attempt++)
        {
            using var response = await client.PostFormAsync(codePage, new Dictionary<string, string>
            {
                ["Input.TwoFactorCode"] = "000000", ["Input.RememberMachine"] = "false",
            });
            statuses.Add(response.StatusCode);
        }

        // The password attempt spent one of the address's five; the account of the code page has three of its own.
        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.OK], statuses);
        using var refused = await client.PostFormAsync(codePage, new Dictionary<string, string> { ["Input.TwoFactorCode"] = "000000" });
        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.False(await client.IsLoggedInAsync());
    }
}
