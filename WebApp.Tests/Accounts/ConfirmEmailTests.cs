using System.Net;
using System.Text;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using WebApp.Accounts;
using WebApp.Tests.Infrastructure;

namespace WebApp.Tests.Accounts;

/// <summary>The link in the confirmation mail, /Identity/Account/ConfirmEmail.</summary>
public sealed class ConfirmEmailTests : IDisposable
{
    private const string Email = "new.customer@example.com";
    private const string Thanks = "Thank you for confirming your email.";
    private readonly WebAppFactory _factory = new();

    public void Dispose() => _factory.Dispose();

    private async Task<string> ConfirmationLinkAsync()
    {
        var user = await _factory.CreateUserAsync(Email, u => u.EmailConfirmed = false);
        await using var scope = _factory.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        var code = await users.GenerateEmailConfirmationTokenAsync((await users.FindByIdAsync(user.Id))!);
        return $"/Identity/Account/ConfirmEmail?userId={user.Id}&code={WebEncoders.Base64UrlEncode(Encoding.UTF8.GetBytes(code))}";
    }

    [Fact]
    public async Task The_thank_you_is_shown_once_and_not_again_pages_later()
    {
        var link = await ConfirmationLinkAsync();
        var client = _factory.CreateBrowserClient();
        using var login = await client.LoginAsync(Email);

        var confirmed = await client.GetHtmlAsync(link);

        Assert.Contains(Thanks, confirmed.QuerySelector("main")!.TextContent);
        Assert.True(await _factory.WithDbAsync(db => db.Users.Select(u => u.EmailConfirmed).SingleAsync()));
        foreach (var later in new[] { "/", "/products", "/Identity/Account/Manage", "/Identity/Account/Manage/Email" })
            Assert.DoesNotContain(Thanks, (await client.GetHtmlAsync(later)).Body!.TextContent);
    }

    [Theory]
    [InlineData("code=not*base64!")]
    [InlineData("code=QUJD")]
    public async Task A_broken_link_says_so_and_confirms_nothing(string code)
    {
        var link = await ConfirmationLinkAsync();
        var client = _factory.CreateBrowserClient();

        using var response = await client.GetAsync(link[..link.IndexOf("code=", StringComparison.Ordinal)] + code);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("not valid or has expired", (await response.ReadHtmlAsync()).QuerySelector("main")!.TextContent);
        Assert.False(await _factory.WithDbAsync(db => db.Users.Select(u => u.EmailConfirmed).SingleAsync()));
    }
}
