using System.Net;
using Microsoft.EntityFrameworkCore;
using WebApp.Accounts.Admin;
using WebApp.Tests.Infrastructure;
using static WebApp.Tests.Infrastructure.HtmlForms;

namespace WebApp.Tests.Accounts.Admin;

/// <summary>The five no-escalation rules, each refused (403 or a form error, nothing saved, logged) and allowed.</summary>
public class EscalationRulesTests : AccountsAdminTestBase
{
    private static readonly string[] UserManager = ["accounts.view_user", "accounts.change_user", "accounts.delete_user", "catalog.view_product"];

    private Task<HttpClient> ManagerAsync(params string[] extra) => StaffAsync("manager@example.com", [.. UserManager, .. extra]);

    // Rule 1: only superusers touch superusers and the superuser flag.

    [Fact]
    public async Task Rule1_refused_a_non_superuser_cannot_change_set_the_password_of_or_delete_a_superuser()
    {
        var boss = await Factory.CreateUserAsync("boss@example.com", staff: true, superuser: true);
        var manager = await ManagerAsync();

        var page = await manager.GetHtmlAsync(Change(boss));
        Assert.Contains("Only a superuser may change", page.QuerySelector(".admin-readonly-reason")!.TextContent);
        Assert.Empty(page.QuerySelectorAll("form.admin-change-form input[name=Email]"));
        using var change = await manager.PostWithTokenAsync(Users, Change(boss), [Field("Email", "mine@example.com"), Field("IsStaff", "true"), Field("IsActive", "true")]);
        using var password = await manager.PostWithTokenAsync(Users, $"{Users}{boss.Id}/password/", [Field("password1", "Taken-Over-1"), Field("password2", "Taken-Over-1")]);
        using var delete = await manager.PostWithTokenAsync(Users, $"{Users}{boss.Id}/delete/", [Field("post", "yes")]);

        Assert.Equal([HttpStatusCode.Forbidden, HttpStatusCode.Forbidden, HttpStatusCode.Forbidden], new[] { change.StatusCode, password.StatusCode, delete.StatusCode });
        var stored = await UserAsync("boss@example.com");
        Assert.Equal((boss.PasswordHash, "boss@example.com"), (stored.PasswordHash, stored.Email));
        Assert.Equal(3, Refusals(EscalationGuard.SuperusersOnly).Count);
        Assert.All(Refusals(EscalationGuard.SuperusersOnly), entry => Assert.Contains("boss@example.com", entry));
        Assert.All(Refusals(EscalationGuard.SuperusersOnly), entry => Assert.Contains("manager@example.com", entry));
    }

    [Fact]
    public async Task Rule1_refused_a_forged_superuser_flag_is_a_form_error_and_saves_nothing()
    {
        var clerk = await Factory.CreateUserAsync("clerk@example.com", staff: true);
        var manager = await ManagerAsync();
        var page = await manager.GetHtmlAsync(Change(clerk));
        Assert.Null(page.QuerySelector("input[name=IsSuperuser]"));

        using var response = await PostChangeFormAsync(manager, Change(clerk), v => v.With("IsSuperuser", "true").With("DisplayName", "Sneaky"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Only a superuser may set or clear superuser status.", (await response.ReadHtmlAsync()).QuerySelector("#id_IsSuperuser-errors")!.TextContent);
        var stored = await UserAsync("clerk@example.com");
        Assert.False(stored.IsSuperuser);
        Assert.Null(stored.DisplayName);
        Assert.Single(Refusals(EscalationGuard.SuperusersOnly));
    }

    [Fact]
    public async Task Rule1_allowed_a_superuser_sets_and_clears_another_users_superuser_flag()
    {
        var clerk = await Factory.CreateUserAsync("clerk@example.com", staff: true);
        var root = await SuperuserAsync();

        using var promote = await PostChangeFormAsync(root, Change(clerk), v => v.With("IsSuperuser", "true"));
        Assert.True((await UserAsync("clerk@example.com")).IsSuperuser);
        using var demote = await PostChangeFormAsync(root, Change(clerk), v => v.Without("IsSuperuser"));

        Assert.Equal([HttpStatusCode.Redirect, HttpStatusCode.Redirect], new[] { promote.StatusCode, demote.StatusCode });
        Assert.False((await UserAsync("clerk@example.com")).IsSuperuser);
        Assert.Empty(Refusals("accounts.rule"));
    }

    // Rule 2: a non-superuser grants only roles and permissions they hold.

    [Fact]
    public async Task Rule2_refused_granting_a_stronger_role_or_permission_is_a_form_error_and_saves_nothing()
    {
        var clerk = await Factory.CreateUserAsync("clerk@example.com", staff: true);
        var shipping = await Factory.CreateRoleAsync("Shipping", "orders.change_order");
        var manager = await ManagerAsync();

        using var role = await PostChangeFormAsync(manager, Change(clerk), v => v.With("Roles", shipping.Id));
        using var permission = await PostChangeFormAsync(manager, Change(clerk), v => v.With("Permissions", "catalog.delete_product"));

        Assert.Contains("You cannot grant the role Shipping", (await role.ReadHtmlAsync()).QuerySelector("#id_Roles-errors")!.TextContent);
        Assert.Contains("catalog.delete_product", (await permission.ReadHtmlAsync()).QuerySelector("#id_Permissions-errors")!.TextContent);
        Assert.Empty(await RoleNamesOfAsync("clerk@example.com"));
        Assert.Empty(await DirectPermissionsAsync("clerk@example.com"));
        Assert.Equal(2, Refusals(EscalationGuard.GrantOnlyWhatYouHold).Count);
    }

    [Fact]
    public async Task Rule2_allowed_granting_roles_permissions_and_staff_status_the_manager_holds()
    {
        var clerk = await Factory.CreateUserAsync("clerk@example.com");
        var viewers = await Factory.CreateRoleAsync("Catalog viewers", "catalog.view_product");
        var manager = await ManagerAsync();

        using var response = await PostChangeFormAsync(manager, Change(clerk), v => v
            .With("Roles", viewers.Id).With("Permissions", "catalog.view_product").With("IsStaff", "true"));

        Assert.Equal(Users, Location(response));
        Assert.Equal(["Catalog viewers"], await RoleNamesOfAsync("clerk@example.com"));
        Assert.Equal(["catalog.view_product"], await DirectPermissionsAsync("clerk@example.com"));
        Assert.True((await UserAsync("clerk@example.com")).IsStaff);
    }

    // Rule 3: a non-superuser manages only accounts whose permissions are a subset of their own.

    [Fact]
    public async Task Rule3_refused_a_manager_cannot_change_reset_or_delete_a_stronger_account()
    {
        var strong = await Factory.CreateUserAsync("strong@example.com", staff: true, permissions: "orders.change_order");
        var manager = await ManagerAsync();

        Assert.Contains("orders.change_order", (await manager.GetHtmlAsync(Change(strong))).QuerySelector(".admin-readonly-reason")!.TextContent);
        using var change = await manager.PostWithTokenAsync(Users, Change(strong), [Field("Email", "strong@example.com"), Field("IsActive", "true")]);
        using var password = await manager.PostWithTokenAsync(Users, $"{Users}{strong.Id}/password/", [Field("password1", "Taken-Over-1"), Field("password2", "Taken-Over-1")]);
        using var signOut = await manager.PostWithTokenAsync(Users, $"{Users}{strong.Id}/sign-out-everywhere/", []);
        using var delete = await manager.PostWithTokenAsync(Users, $"{Users}{strong.Id}/delete/", [Field("post", "yes")]);
        using var bulkDelete = await manager.PostWithTokenAsync(Users, Users, [Field("action", "delete_selected"), Field("_selected_action", strong.Id), Field("post", "yes")]);

        Assert.All(new[] { change, password, signOut, delete, bulkDelete }, r => Assert.Equal(HttpStatusCode.Forbidden, r.StatusCode));
        var stored = await UserAsync("strong@example.com");
        Assert.Equal((strong.PasswordHash, strong.SecurityStamp, true), (stored.PasswordHash, stored.SecurityStamp, stored.IsStaff));
        Assert.Equal(5, Refusals(EscalationGuard.ManageOnlyWeakerAccounts).Count);
    }

    [Fact]
    public async Task Rule3_allowed_a_manager_changes_and_resets_an_account_within_their_permissions()
    {
        var weaker = await Factory.CreateUserAsync("weaker@example.com", staff: true, permissions: "catalog.view_product");
        var manager = await ManagerAsync();

        using var change = await PostChangeFormAsync(manager, Change(weaker), v => v.With("DisplayName", "Wes"));
        using var password = await manager.PostWithTokenAsync(Users, $"{Users}{weaker.Id}/password/", [Field("password1", "Fresh-Pass-77"), Field("password2", "Fresh-Pass-77")]);

        Assert.Equal(Users, Location(change));
        Assert.Equal(Change(weaker), Location(password));
        Assert.Equal("Wes", (await UserAsync("weaker@example.com")).DisplayName);
        await Factory.CreateBrowserClient().LoginAsync("weaker@example.com", "Fresh-Pass-77");
    }

    // Rule 4: nobody demotes, deactivates or deletes themselves from the admin.

    [Theory]
    [InlineData("IsSuperuser", "You cannot remove your own superuser status")]
    [InlineData("IsStaff", "You cannot remove your own staff status")]
    [InlineData("IsActive", "You cannot deactivate your own account")]
    public async Task Rule4_refused_removing_your_own_status_is_a_form_error_that_says_why(string flag, string message)
    {
        var root = await SuperuserAsync();
        var me = await UserAsync("root@example.com");

        using var response = await PostChangeFormAsync(root, Change(me), v => v.Without(flag));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains(message, (await response.ReadHtmlAsync()).QuerySelector($"#id_{flag}-errors")!.TextContent);
        var stored = await UserAsync("root@example.com");
        Assert.True(stored.IsSuperuser && stored.IsStaff && stored.IsActive);
        Assert.Single(Refusals(EscalationGuard.NotYourself));
    }

    [Fact]
    public async Task Rule4_refused_deleting_yourself_is_a_403_that_says_why()
    {
        var root = await SuperuserAsync();
        var me = await UserAsync("root@example.com");

        using var page = await root.GetAsync($"{Users}{me.Id}/delete/");
        using var post = await root.PostWithTokenAsync(Users, $"{Users}{me.Id}/delete/", [Field("post", "yes")]);

        Assert.Equal(HttpStatusCode.Forbidden, post.StatusCode);
        Assert.Contains("You cannot delete your own account", (await page.ReadHtmlAsync()).QuerySelector(".admin-refusal")!.TextContent);
        Assert.True(await Factory.WithDbAsync(db => db.Users.AnyAsync(u => u.Id == me.Id)));
        Assert.Equal(2, Refusals(EscalationGuard.NotYourself).Count);
    }

    [Fact]
    public async Task Rule4_allowed_a_superuser_demotes_deactivates_and_deletes_someone_else()
    {
        var other = await Factory.CreateUserAsync("other@example.com", staff: true, superuser: true);
        var root = await SuperuserAsync();

        using var change = await PostChangeFormAsync(root, Change(other), v => v.Without("IsSuperuser").Without("IsStaff").Without("IsActive"));
        var stored = await UserAsync("other@example.com");
        Assert.False(stored.IsSuperuser || stored.IsStaff || stored.IsActive);
        using var delete = await root.PostWithTokenAsync(Users, $"{Users}{other.Id}/delete/", [Field("post", "yes")]);

        Assert.Equal(Users, Location(delete));
        Assert.False(await Factory.WithDbAsync(db => db.Users.AnyAsync(u => u.Id == other.Id)));
    }

    // Rule 5: editing a role's permissions needs accounts.change_role and stays within the editor's permissions.

    [Fact]
    public async Task Rule5_refused_a_role_manager_cannot_add_a_permission_they_lack_or_edit_a_stronger_role()
    {
        var packers = await Factory.CreateRoleAsync("Packers", "catalog.view_product");
        var shipping = await Factory.CreateRoleAsync("Shipping", "orders.change_order");
        var manager = await StaffAsync("roles@example.com", "accounts.view_role", "accounts.change_role", "accounts.delete_role", "catalog.view_product");
        var viewer = await StaffAsync("viewer@example.com", "accounts.view_role", "catalog.view_product");

        using var add = await PostChangeFormAsync(manager, Change(packers), v => v.With("Permissions", "catalog.view_product", "orders.change_order"));
        using var stronger = await manager.PostWithTokenAsync(Roles, Change(shipping), [Field("Name", "Shipping"), Field("Permissions", "orders.change_order")]);
        using var delete = await manager.PostWithTokenAsync(Roles, $"{Roles}{shipping.Id}/delete/", [Field("post", "yes")]);
        using var viewOnly = await viewer.PostWithTokenAsync(Roles, Change(packers), [Field("Name", "Renamed")]);

        Assert.Contains("orders.change_order", (await add.ReadHtmlAsync()).QuerySelector("#id_Permissions-errors")!.TextContent);
        Assert.All(new[] { stronger, delete, viewOnly }, r => Assert.Equal(HttpStatusCode.Forbidden, r.StatusCode));
        var claims = await Factory.WithDbAsync(db => db.RoleClaims.OrderBy(c => c.ClaimValue).Select(c => c.RoleId + " " + c.ClaimValue).ToListAsync());
        Assert.Equal([$"{packers.Id} catalog.view_product", $"{shipping.Id} orders.change_order"], claims);
        Assert.Equal(["Packers", "Shipping"], await Factory.WithDbAsync(db => db.Roles.OrderBy(r => r.Name).Select(r => r.Name!).ToListAsync()));
        Assert.Equal(3, Refusals(EscalationGuard.RolesWithinYourPermissions).Count);
    }

    [Fact]
    public async Task Rule5_allowed_a_role_manager_creates_and_edits_roles_within_their_permissions()
    {
        var manager = await StaffAsync("roles@example.com", "accounts.view_role", "accounts.add_role", "accounts.change_role", "catalog.view_product", "catalog.change_review");

        using var add = await manager.PostWithTokenAsync(Roles + "add/", [Field("Name", "Moderators"), Field("Permissions", "catalog.view_product"), Field("_save", "1")]);
        var role = await Factory.WithDbAsync(db => db.Roles.SingleAsync(r => r.Name == "Moderators"));
        using var change = await PostChangeFormAsync(manager, Change(role), v => v.With("Permissions", "catalog.view_product", "catalog.change_review"));

        Assert.Equal(Roles, Location(add));
        Assert.Equal(Roles, Location(change));
        Assert.Equal(["catalog.change_review", "catalog.view_product"],
            await Factory.WithDbAsync(db => db.RoleClaims.Where(c => c.RoleId == role.Id).Select(c => c.ClaimValue!).OrderBy(v => v).ToListAsync()));
        Assert.Equal("MODERATORS", role.NormalizedName);
        var history = await HistoryAsync("accounts.role", role.Id);
        Assert.Contains("catalog | review | Can change review", history[^1].ChangeMessage);
    }
}
