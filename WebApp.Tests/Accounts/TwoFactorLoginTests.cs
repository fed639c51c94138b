using System.Buffers.Binary;
using System.Net;
using System.Security.Cryptography;
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
            ["Input.TwoFactorCode"] = AuthenticatorCode(key),
            ["Input.RememberMachine"] = "false",
        });

        Assert.Equal(HttpStatusCode.Redirect, code.StatusCode);
        Assert.Equal("/Identity/Account/Manage", code.Headers.Location?.OriginalString);
        Assert.True(await client.IsLoggedInAsync());
        Assert.NotNull(await _factory.WithDbAsync(db => db.Users.Select(u => u.LastLogin).SingleAsync()));
    }

    /// <summary>The six-digit code an authenticator app shows now (RFC 6238 with Identity's defaults).</summary>
    private static string AuthenticatorCode(string base32Key)
    {
        var counter = new byte[8];
        BinaryPrimitives.WriteInt64BigEndian(counter, DateTimeOffset.UtcNow.ToUnixTimeSeconds() / 30);
        var hash = HMACSHA1.HashData(Base32Decode(base32Key), counter);
        var offset = hash[^1] & 0x0f;
        var value = (BinaryPrimitives.ReadInt32BigEndian(hash.AsSpan(offset)) & 0x7fffffff) % 1_000_000;
        return value.ToString("D6", System.Globalization.CultureInfo.InvariantCulture);
    }

    private static byte[] Base32Decode(string text)
    {
        const string alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
        var bytes = new List<byte>();
        int buffer = 0, bits = 0;
        foreach (var c in text.TrimEnd('=').ToUpperInvariant())
        {
            buffer = ((buffer << 5) | alphabet.IndexOf(c)) & 0xFFFF;
            bits += 5;
            if (bits >= 8)
            {
                bytes.Add((byte)(buffer >> (bits - 8)));
                bits -= 8;
            }
        }
        return [.. bytes];
    }
}
