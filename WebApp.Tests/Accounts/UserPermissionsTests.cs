using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using WebApp.Accounts.Permissions;
using WebApp.Admin;
using WebApp.Api;
using WebApp.Catalog;
using WebApp.Tests.Api;
using WebApp.Tests.Infrastructure;

namespace WebApp.Tests.Accounts;

/// <summary>UserPermissions: the one reading of a user's permissions (direct, through roles, superuser), fresh per request.</summary>
public class UserPermissionsTests(ApiFactory factory) : IClassFixture<ApiFactory>
{
    private static string Email(string who) => $"{who}-{ApiTestData.Unique()}@example.com";

    private async Task<bool> HasAsync(ClaimsPrincipal principal, string permission)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<UserPermissions>().HasAsync(principal, permission, CancellationToken.None);
    }

    private static ClaimsPrincipal Principal(string userId, string? securityStamp = null)
    {
        var claims = new List<Claim> { new(ClaimTypes.NameIdentifier, userId) };
        if (securityStamp is not null) claims.Add(new Claim(new ClaimsIdentityOptions().SecurityStampClaimType, securityStamp));
        return new ClaimsPrincipal(new ClaimsIdentity(claims, "Test"));
    }

    [Fact]
    public async Task Permissions_come_directly_or_through_roles_and_view_is_implied_by_change()
    {
        var direct = await factory.CreateUserAsync(Email("direct"), permissions: "catalog.change_product");
        var roleEmail = Email("role");
        var throughRole = await factory.CreateUserAsync(roleEmail);
        await factory.GrantThroughRoleAsync(roleEmail, $"Deleters {ApiTestData.Unique()}", "catalog.delete_product");

        Assert.True(await HasAsync(Principal(direct.Id), "catalog.change_product"));
        Assert.True(await HasAsync(Principal(direct.Id), "catalog.view_product"));
        Assert.False(await HasAsync(Principal(direct.Id), "catalog.add_product"));
        Assert.True(await HasAsync(Principal(throughRole.Id), "catalog.delete_product"));
        Assert.False(await HasAsync(Principal(throughRole.Id), "catalog.view_product"));
    }

    [Fact]
    public async Task Superusers_hold_every_permission_and_inactive_users_none()
    {
        var superuser = await factory.CreateUserAsync(Email("super"), superuser: true);
        var inactive = await factory.CreateUserAsync(Email("inactive"), superuser: true, active: false, permissions: "catalog.add_product");

        Assert.True(await HasAsync(Principal(superuser.Id), "orders.delete_order"));
        Assert.False(await HasAsync(Principal(inactive.Id), "catalog.add_product"));
    }

    [Fact]
    public async Task Anonymous_unknown_and_stale_sessions_hold_nothing()
    {
        var user = await factory.CreateUserAsync(Email("stale"), superuser: true);

        Assert.False(await HasAsync(new ClaimsPrincipal(new ClaimsIdentity()), "catalog.view_product"));
        Assert.False(await HasAsync(Principal("no-such-user"), "catalog.view_product"));
        Assert.False(await HasAsync(Principal(user.Id, securityStamp: "an-old-stamp"), "catalog.view_product"));
        Assert.True(await HasAsync(Principal(user.Id, securityStamp: user.SecurityStamp), "catalog.view_product"));
    }

    [Theory]
    [InlineData("catalog.add_product", true)]
    [InlineData("orders.view_orderline", true)]
    [InlineData("AdminStaff", false)]
    [InlineData("catalog", false)]
    [InlineData("Catalog.Add_Product", false)]
    public void Permission_names_have_the_django_shape(string name, bool isPermission) =>
        Assert.Equal(isPermission, PermissionNames.IsPermissionName(name));

    [Fact]
    public void The_api_checks_the_permissions_the_admin_grants()
    {
        var product = factory.Services.GetRequiredService<ModelAdminRegistry>().Registrations.Single(r => r.ModelType == typeof(Product));

        Assert.Equal(CatalogPermissions.ViewProduct, product.PermissionName(AdminOperation.View));
        Assert.Equal(CatalogPermissions.AddProduct, product.PermissionName(AdminOperation.Add));
        Assert.Equal(CatalogPermissions.ChangeProduct, product.PermissionName(AdminOperation.Change));
        Assert.Equal(CatalogPermissions.DeleteProduct, product.PermissionName(AdminOperation.Delete));
    }
}
