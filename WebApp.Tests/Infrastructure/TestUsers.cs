using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using WebApp.Accounts;

namespace WebApp.Tests.Infrastructure;

/// <summary>Users made with the real UserManager, and sign-in through the real login form.</summary>
public static class TestUsers
{
    public const string Password = "Correct-Horse-9";

    public static async Task<ApplicationUser> CreateUserAsync(
        this WebAppFactory factory, string email, bool staff = false, bool superuser = false, bool active = true, params string[] permissions)
    {
        factory.EnsureMigrated();
        await using var scope = factory.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        var user = new ApplicationUser
        {
            UserName = email,
            Email = email,
            EmailConfirmed = true,
            IsStaff = staff,
            IsSuperuser = superuser,
            IsActive = active,
            DateJoined = DateTime.UtcNow,
        };
        Check(await users.CreateAsync(user, Password));
        foreach (var permission in permissions)
            Check(await users.AddClaimAsync(user, new Claim("permission", permission)));
        return user;
    }

    /// <summary>A role (Django's group) holding permissions, made if it does not exist yet; returns it.</summary>
    public static async Task<IdentityRole> CreateRoleAsync(this WebAppFactory factory, string roleName, params string[] permissions)
    {
        factory.EnsureMigrated();
        await using var scope = factory.Services.CreateAsyncScope();
        var roles = scope.ServiceProvider.GetRequiredService<RoleManager<IdentityRole>>();
        var role = await roles.FindByNameAsync(roleName);
        if (role is null)
        {
            role = new IdentityRole(roleName);
            Check(await roles.CreateAsync(role));
        }
        foreach (var permission in permissions)
            Check(await roles.AddClaimAsync(role, new Claim("permission", permission)));
        return role;
    }

    /// <summary>A role (Django's group) holding permissions, given to the user.</summary>
    public static async Task GrantThroughRoleAsync(this WebAppFactory factory, string email, string roleName, params string[] permissions)
    {
        await factory.CreateRoleAsync(roleName, permissions);
        await using var scope = factory.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        var user = await users.FindByEmailAsync(email) ?? throw new InvalidOperationException("No user " + email);
        if (!await users.IsInRoleAsync(user, roleName)) Check(await users.AddToRoleAsync(user, roleName));
    }

    /// <summary>Changes a user in the database (as another admin would), without touching their cookie.</summary>
    public static async Task UpdateUserAsync(this WebAppFactory factory, string email, Action<ApplicationUser> change)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        var user = await users.FindByEmailAsync(email) ?? throw new InvalidOperationException("No user " + email);
        change(user);
        Check(await users.UpdateAsync(user));
    }

    public static async Task RemovePermissionAsync(this WebAppFactory factory, string email, string permission)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        var user = await users.FindByEmailAsync(email) ?? throw new InvalidOperationException("No user " + email);
        Check(await users.RemoveClaimAsync(user, new Claim("permission", permission)));
    }

    /// <summary>Signs in through the Identity UI login form (Input.Email, Input.Password and its antiforgery token).</summary>
    public static async Task LoginAsync(this HttpClient client, string email, string password = Password)
    {
        using var response = await client.PostFormAsync("/Identity/Account/Login", new Dictionary<string, string>
        {
            ["Input.Email"] = email,
            ["Input.Password"] = password,
            ["Input.RememberMe"] = "false",
        });
        if (response.StatusCode != System.Net.HttpStatusCode.Redirect)
            throw new InvalidOperationException($"Login of {email} failed: {(int)response.StatusCode}");
    }

    /// <summary>A browser-like client signed in as a new staff member holding every staff role, as the demo staff account does.</summary>
    public static async Task<HttpClient> LoggedInStaffWithAllRolesAsync(this WebAppFactory factory)
    {
        var email = $"staff-{Guid.NewGuid():N}@example.com";
        await factory.CreateUserAsync(email, staff: true);
        foreach (var role in StaffRoles.All)
            await factory.GrantThroughRoleAsync(email, role.Name, [.. role.Permissions]);
        var client = factory.CreateBrowserClient();
        await client.LoginAsync(email);
        return client;
    }

    /// <summary>A browser-like client signed in as a new user.</summary>
    public static async Task<HttpClient> LoggedInClientAsync(
        this WebAppFactory factory, string email, bool staff = true, bool superuser = false, params string[] permissions)
    {
        await factory.CreateUserAsync(email, staff, superuser, true, permissions);
        var client = factory.CreateBrowserClient();
        await client.LoginAsync(email);
        return client;
    }

    private static void Check(IdentityResult result)
    {
        if (!result.Succeeded) throw new InvalidOperationException(string.Join("; ", result.Errors.Select(e => e.Description)));
    }
}
