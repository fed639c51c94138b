using System.Net;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using WebApp.Accounts;
using WebApp.Tests.Infrastructure;

namespace WebApp.Tests.Accounts;

/// <summary>Users made through the app's own UserManager, and logging in through the real login form.</summary>
public static class AccountTestData
{
    public const string Password = "Sturdy!Pass9";

    public static async Task<ApplicationUser> CreateUserAsync(
        this WebAppFactory factory, string email, Action<ApplicationUser>? configure = null, string password = Password)
    {
        factory.EnsureMigrated();
        await using var scope = factory.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        var user = new ApplicationUser { UserName = email, Email = email, EmailConfirmed = true };
        configure?.Invoke(user);
        var result = await users.CreateAsync(user, password);
        Assert.True(result.Succeeded, string.Join(" ", result.Errors.Select(e => e.Description)));
        return user;
    }

    public static Task<HttpResponseMessage> LoginAsync(this HttpClient client, string email, string password = Password, string? returnUrl = null) =>
        client.PostFormAsync(
            "/Identity/Account/Login" + (returnUrl is null ? "" : "?returnUrl=" + WebUtility.UrlEncode(returnUrl)),
            new Dictionary<string, string> { ["Input.Email"] = email, ["Input.Password"] = password });

    /// <summary>Whether the client's cookie gets it into a page that needs a login.</summary>
    public static async Task<bool> IsLoggedInAsync(this HttpClient client)
    {
        using var response = await client.GetAsync("/Identity/Account/Manage");
        return response.StatusCode == HttpStatusCode.OK;
    }
}
