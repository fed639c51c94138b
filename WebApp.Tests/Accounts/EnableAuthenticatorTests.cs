using System.Net;
using Microsoft.EntityFrameworkCore;
using WebApp.Tests.Infrastructure;
using WebApp.Tests.Shop;

namespace WebApp.Tests.Accounts;

/// <summary>Setting up an authenticator app on /Identity/Account/Manage/EnableAuthenticator.</summary>
public sealed class EnableAuthenticatorTests : IDisposable
{
    private const string Email = "slow.reader@example.com";
    private const string PagePath = "/Identity/Account/Manage/EnableAuthenticator";
    private readonly ManualClock _clock = new();
    private readonly ShopFactory _factory;

    public EnableAuthenticatorTests() =>
        _factory = new ShopFactory { Clock = _clock, MoreSettings = new Dictionary<string, string?> { ["Site:Name"] = "Corner Shop" } };

    public void Dispose() => _factory.Dispose();

    private async Task<HttpClient> SignedInClientAsync()
    {
        await _factory.CreateUserAsync(Email);
        var client = _factory.CreateShopClient();
        using var login = await client.LoginAsync(Email);
        Assert.Equal(HttpStatusCode.Redirect, login.StatusCode);
        return client;
    }

    [Fact]
    public async Task A_user_who_takes_minutes_to_type_the_code_stays_signed_in_and_two_factor_is_on()
    {
        var client = await SignedInClientAsync();
        var page = await client.GetHtmlAsync(PagePath);
        var key = page.QuerySelector(".authenticator-key")!.TextContent;
        var token = page.AntiforgeryToken("#send-code");

        _clock.Advance(TimeSpan.FromMinutes(3)); // reading the instructions, installing an app...

        using var verify = await client.PostAsync(PagePath, new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Input.Code"] = AuthenticatorCodes.Now(key),
            ["__RequestVerificationToken"] = token,
        }));

        Assert.Equal(HttpStatusCode.Redirect, verify.StatusCode);
        Assert.Equal("/Identity/Account/Manage/ShowRecoveryCodes", verify.Headers.Location!.OriginalString);
        Assert.True(await _factory.WithDbAsync(db => db.Users.Where(u => u.Email == Email).Select(u => u.TwoFactorEnabled).SingleAsync()));
        _clock.Advance(TimeSpan.FromMinutes(3));
        var codes = await client.GetHtmlAsync("/Identity/Account/Manage/ShowRecoveryCodes");
        Assert.Equal(10, codes.QuerySelectorAll(".recovery-code").Length);
        Assert.True(await client.IsLoggedInAsync());
    }

    [Fact]
    public async Task The_page_draws_the_QR_code_on_the_server_with_the_shops_name_as_issuer()
    {
        var client = await SignedInClientAsync();

        var page = await client.GetHtmlAsync(PagePath);

        var qrCode = page.QuerySelector(".authenticator-qr-code svg");
        Assert.NotNull(qrCode);
        Assert.NotEmpty(qrCode.QuerySelectorAll("path, rect"));
        Assert.Empty(page.QuerySelectorAll("main script, #qrCode"));
        var key = page.QuerySelector(".authenticator-key")!.TextContent.Replace(" ", "").ToUpperInvariant();
        var link = page.QuerySelector("a.authenticator-link")!.GetAttribute("href");
        Assert.Equal($"otpauth://totp/Corner%20Shop:{Email}?secret={key}&issuer=Corner%20Shop&digits=6", link);
        var code = page.QuerySelector("#Input_Code")!;
        Assert.Equal("numeric", code.GetAttribute("inputmode"));
        Assert.Equal("one-time-code", code.GetAttribute("autocomplete"));
    }

    [Fact]
    public async Task A_wrong_code_says_so_and_leaves_two_factor_off()
    {
        var client = await SignedInClientAsync();
        var page = await client.GetHtmlAsync(PagePath);

        using var verify = await client.PostAsync(PagePath, new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Input.Code"] = "000000" == AuthenticatorCodes.Now(page.QuerySelector(".authenticator-key")!.TextContent) ? "111111" : "000000",
            ["__RequestVerificationToken"] = page.AntiforgeryToken("#send-code"),
        }));

        Assert.Equal(HttpStatusCode.OK, verify.StatusCode);
        Assert.Contains("That code is not valid", (await verify.ReadHtmlAsync()).QuerySelector("[data-valmsg-for='Input.Code']")!.TextContent);
        Assert.False(await _factory.WithDbAsync(db => db.Users.Where(u => u.Email == Email).Select(u => u.TwoFactorEnabled).SingleAsync()));
    }
}
