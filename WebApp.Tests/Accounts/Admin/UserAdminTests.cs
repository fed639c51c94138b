using System.Net;
using Microsoft.EntityFrameworkCore;
using WebApp.Tests.Infrastructure;
using static WebApp.Tests.Infrastructure.HtmlForms;

namespace WebApp.Tests.Accounts.Admin;

public class UserAdminTests : AccountsAdminTestBase
{
    private static List<KeyValuePair<string, string>> AddForm(string email, string password1, string password2) =>
        [Field("Email", email), Field("password1", password1), Field("password2", password2), Field("_save", "1")];

    [Fact]
    public async Task The_changelist_shows_the_users_columns_searches_and_filters_by_role_and_lockout()
    {
        await Factory.CreateUserAsync("ada@example.com", staff: true);
        await Factory.CreateUserAsync("bob@example.com");
        await Factory.GrantThroughRoleAsync("bob@example.com", "Packers", "orders.view_order");
        await Factory.UpdateUserAsync("ada@example.com", u => { u.DisplayName = "Ada L"; u.LockoutEnd = DateTimeOffset.UtcNow.AddMinutes(10); });
        var client = await SuperuserAsync();

        var (response, page) = await GetAsync(client, Users);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var headers = page.QuerySelectorAll("#result_list thead th").Skip(1).Select(Text).ToList();
        Assert.StartsWith("Email", headers[0]);
        Assert.Equal(["Display name", "Staff status", "Superuser status", "Active", "Date joined", "Last login"], headers.Skip(1));
        Assert.Equal(["ada@example.com", "bob@example.com", "root@example.com"], FirstColumn(page));
        Assert.Equal(["ada@example.com"], FirstColumn(await client.GetHtmlAsync(Users + "?q=ada+l")));
        Assert.Equal(["ada@example.com", "root@example.com"], FirstColumn(await client.GetHtmlAsync(Users + "?IsStaff=1")));
        var role = await Factory.CreateRoleAsync("Packers");
        Assert.Equal(["bob@example.com"], FirstColumn(await client.GetHtmlAsync(Users + "?role=" + role.Id)));
        Assert.Equal(["ada@example.com"], FirstColumn(await client.GetHtmlAsync(Users + "?locked=yes")));
        Assert.Equal(["bob@example.com", "root@example.com"], FirstColumn(await client.GetHtmlAsync(Users + "?locked=no")));
    }

    [Fact]
    public async Task Filtering_users_by_password_hash_is_a_400_and_logged()
    {
        var client = await SuperuserAsync();

        using var response = await client.GetAsync(Users + "?PasswordHash=AQAAAA");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(Factory.Logs.Entries, e => e.Category == "WebApp.Admin.Security" && e.Message.Contains("PasswordHash"));
    }

    [Fact]
    public async Task Adding_a_user_stores_a_hash_confirms_the_email_and_opens_the_change_page()
    {
        var client = await SuperuserAsync();
        var page = await client.GetHtmlAsync(Users + "add/");
        Assert.Equal(["Email", "password1", "password2"], page.QuerySelectorAll("form.admin-change-form input:not([type=hidden])").Select(i => i.GetAttribute("name")!));
        Assert.All(page.QuerySelectorAll("input[name^=password]"), i => Assert.Equal("password", i.GetAttribute("type")));

        using var response = await client.PostWithTokenAsync(Users + "add/", AddForm("new.staff@example.com", "Sturdy-Pass-42", "Sturdy-Pass-42"));

        var user = await UserAsync("new.staff@example.com");
        Assert.Equal(Change(user), Location(response));
        Assert.True(user.EmailConfirmed);
        Assert.Equal("new.staff@example.com", user.UserName);
        Assert.NotNull(user.PasswordHash);
        Assert.DoesNotContain("Sturdy-Pass-42", user.PasswordHash);
        var added = Assert.Single(await HistoryAsync("accounts.user", user.Id));
        Assert.DoesNotContain(user.PasswordHash, added.ChangeMessage);
        Assert.DoesNotContain(user.SecurityStamp!, added.ChangeMessage);
        Assert.DoesNotContain("Sturdy-Pass-42", added.ChangeMessage);
        var newcomer = Factory.CreateBrowserClient();
        await newcomer.LoginAsync("new.staff@example.com", "Sturdy-Pass-42");
    }

    [Theory]
    [InlineData("Sturdy-Pass-42", "Sturdy-Pass-43", "password2", "The two password fields didn't match.")]
    [InlineData("short", "short", "password1", "Passwords must be at least 8 characters.")]
    [InlineData("alllowercase", "alllowercase", "password1", "Passwords must have at least one uppercase ('A'-'Z').")]
    [InlineData("", "", "password1", "This field is required.")]
    public async Task A_bad_password_on_the_add_form_is_a_field_error_and_adds_nobody(string password1, string password2, string field, string message)
    {
        var client = await SuperuserAsync();

        using var response = await client.PostWithTokenAsync(Users + "add/", AddForm("someone@example.com", password1, password2));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await response.ReadHtmlAsync();
        Assert.Contains(message, page.QuerySelector($"#id_{field}-errors")!.TextContent);
        Assert.Null(page.QuerySelector("input[name=password1]")!.GetAttribute("value"));
        Assert.False(await Factory.WithDbAsync(db => db.Users.AnyAsync(u => u.Email == "someone@example.com")));
    }

    [Theory]
    [InlineData("not-an-address", "Enter an email address such as name@example.com")]
    [InlineData("x..y@example.com", "Enter an email address such as name@example.com")]
    [InlineData("mass2;env;@example.com", "Enter an email address such as name@example.com")]
    [InlineData("root@example.com", "Email 'root@example.com' is already taken.")]
    public async Task A_bad_or_taken_email_is_a_field_error(string email, string message)
    {
        var client = await SuperuserAsync();

        using var response = await client.PostWithTokenAsync(Users + "add/", AddForm(email, "Sturdy-Pass-42", "Sturdy-Pass-42"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains(message, (await response.ReadHtmlAsync()).QuerySelector("#id_Email-errors")!.TextContent);
        Assert.Equal(1, await Factory.WithDbAsync(db => db.Users.CountAsync()));
    }

    [Fact]
    public async Task The_change_form_has_the_flags_and_pickers_and_never_the_hash_or_stamps()
    {
        var user = await Factory.CreateUserAsync("clerk@example.com", staff: true);
        var client = await SuperuserAsync();

        var page = await client.GetHtmlAsync(Change(user));

        var html = page.DocumentElement.OuterHtml;
        Assert.Equal(["Email", "DisplayName", "IsActive", "IsStaff", "IsSuperuser", "Roles", "Permissions"],
            page.QuerySelectorAll("form.admin-change-form [name]").Select(e => e.GetAttribute("name")!)
                .Where(n => !n.StartsWith('_')).Distinct());
        Assert.Contains("catalog | product | Can view product", page.QuerySelectorAll("select[name=Permissions] option").Select(o => o.TextContent));
        Assert.Equal("catalog.view_product", OptionValue(page, "Permissions", "catalog | product | Can view product"));
        var password = page.QuerySelector(".admin-panel")!;
        Assert.Contains("Password: set · Change it with this form", Text(password));
        Assert.Equal($"/admin/accounts/user/{user.Id}/password/", password.QuerySelector("a")!.GetAttribute("href"));
        var stored = await UserAsync("clerk@example.com");
        Assert.DoesNotContain(stored.PasswordHash!, html);
        Assert.DoesNotContain(stored.SecurityStamp!, html);
        Assert.DoesNotContain("PasswordHash", html);
        foreach (var url in new[] { Users, Users + "?q=clerk", $"{Users}{user.Id}/history/", $"{Users}{user.Id}/password/", $"{Users}{user.Id}/delete/", "/admin/" })
            Assert.DoesNotContain(stored.PasswordHash!, (await client.GetHtmlAsync(url)).DocumentElement.OuterHtml);
    }

    [Fact]
    public async Task Changing_roles_and_permissions_saves_them_and_the_history_names_them_old_to_new()
    {
        var user = await Factory.CreateUserAsync("clerk@example.com", staff: true, permissions: "catalog.view_tag");
        var packers = await Factory.CreateRoleAsync("Packers", "orders.view_order");
        var client = await SuperuserAsync();

        using var response = await PostChangeFormAsync(client, Change(user), values => values
            .With("DisplayName", "Clerk Kent")
            .With("Roles", packers.Id)
            .With("Permissions", "catalog.view_tag", "catalog.change_product"));

        Assert.Equal(Users, Location(response));
        Assert.Equal(["Packers"], await RoleNamesOfAsync("clerk@example.com"));
        Assert.Equal(["catalog.change_product", "catalog.view_tag"], await DirectPermissionsAsync("clerk@example.com"));
        var history = await client.GetHtmlAsync($"{Users}{user.Id}/history/");
        var text = Text(history.QuerySelector("#change-history")!);
        Assert.Contains("Clerk Kent", text);
        Assert.Contains("Packers", text);
        Assert.Contains("catalog | product | Can change product, catalog | tag | Can view tag", text);
        var stored = await UserAsync("clerk@example.com");
        var entries = await HistoryAsync("accounts.user", user.Id);
        Assert.All(entries, e => Assert.DoesNotContain(stored.PasswordHash!, e.ChangeMessage));
        Assert.All(entries, e => Assert.DoesNotContain(stored.SecurityStamp!, e.ChangeMessage));
    }

    [Fact]
    public async Task Setting_a_password_checks_it_ends_other_sessions_and_logs_without_values()
    {
        var clerk = await StaffAsync("clerk@example.com", "catalog.view_product");
        Assert.Equal(HttpStatusCode.OK, (await clerk.GetAsync("/admin/")).StatusCode);
        var user = await UserAsync("clerk@example.com");
        var client = await SuperuserAsync();
        var url = $"{Users}{user.Id}/password/";

        using var mismatch = await client.PostWithTokenAsync(url, [Field("password1", "New-Pass-123"), Field("password2", "New-Pass-124")]);
        Assert.Contains("The two password fields didn't match.", (await mismatch.ReadHtmlAsync()).QuerySelector("#id_password2-errors")!.TextContent);
        using var weak = await client.PostWithTokenAsync(url, [Field("password1", "weak"), Field("password2", "weak")]);
        Assert.Contains("Passwords must be at least 8 characters.", (await weak.ReadHtmlAsync()).QuerySelector("#id_password1-errors")!.TextContent);
        Assert.Equal((await UserAsync("clerk@example.com")).PasswordHash, user.PasswordHash);

        using var done = await client.PostWithTokenAsync(url, [Field("password1", "New-Pass-123"), Field("password2", "New-Pass-123")]);

        Assert.Equal(Change(user), Location(done));
        // The old cookie still names the user, but its security stamp is stale: the admin no longer serves it.
        using var oldSession = await clerk.GetAsync("/admin/");
        Assert.Equal(HttpStatusCode.Forbidden, oldSession.StatusCode);
        var fresh = Factory.CreateBrowserClient();
        await fresh.LoginAsync("clerk@example.com", "New-Pass-123");
        var stored = await UserAsync("clerk@example.com");
        var entries = await HistoryAsync("accounts.user", user.Id);
        var entry = Assert.Single(entries);
        Assert.Contains("PasswordHash", entry.ChangeMessage);
        Assert.DoesNotContain(stored.PasswordHash!, entry.ChangeMessage);
        Assert.DoesNotContain("New-Pass-123", entry.ChangeMessage);
        var historyPage = (await client.GetHtmlAsync($"{Users}{user.Id}/history/")).DocumentElement.OuterHtml;
        Assert.DoesNotContain(stored.PasswordHash!, historyPage);
        Assert.DoesNotContain(stored.SecurityStamp!, historyPage);
    }

    [Fact]
    public async Task A_locked_out_user_shows_until_when_and_unlock_clears_it()
    {
        var user = await Factory.CreateUserAsync("clerk@example.com");
        await Factory.UpdateUserAsync("clerk@example.com", u => { u.LockoutEnd = new DateTimeOffset(2099, 1, 2, 3, 4, 0, TimeSpan.Zero); u.AccessFailedCount = 5; });
        var client = await SuperuserAsync();
        var page = await client.GetHtmlAsync(Change(user));
        Assert.Contains("Locked out until 2099-01-02 03:04 UTC.", Text(page.QuerySelector(".admin-panel")!));

        using var response = await client.PostWithTokenAsync(Change(user), $"{Users}{user.Id}/unlock/", []);

        Assert.Equal(Change(user), Location(response));
        var stored = await UserAsync("clerk@example.com");
        Assert.Null(stored.LockoutEnd);
        Assert.Equal(0, stored.AccessFailedCount);
        Assert.Contains("was unlocked", string.Join(" ", Messages(await client.GetHtmlAsync(Change(user)))));
        Assert.Single(await HistoryAsync("accounts.user", user.Id));
    }

    [Fact]
    public async Task Sign_out_everywhere_ends_the_users_sessions_but_not_the_password()
    {
        var clerk = await StaffAsync("clerk@example.com", "catalog.view_product");
        Assert.Equal(HttpStatusCode.OK, (await clerk.GetAsync("/admin/")).StatusCode);
        var user = await UserAsync("clerk@example.com");
        var client = await SuperuserAsync();

        using var response = await client.PostWithTokenAsync(Change(user), $"{Users}{user.Id}/sign-out-everywhere/", []);

        Assert.Equal(Change(user), Location(response));
        var stored = await UserAsync("clerk@example.com");
        Assert.NotEqual(user.SecurityStamp, stored.SecurityStamp);
        Assert.Equal(user.PasswordHash, stored.PasswordHash);
        // The old cookie still names the user, but its security stamp is stale: the admin no longer serves it.
        Assert.Equal(HttpStatusCode.Forbidden, (await clerk.GetAsync("/admin/")).StatusCode);
    }

    [Fact]
    public async Task Password_unlock_and_sign_out_need_the_change_permission()
    {
        var user = await Factory.CreateUserAsync("clerk@example.com");
        var viewer = await StaffAsync("viewer@example.com", "accounts.view_user");
        var page = await viewer.GetHtmlAsync(Change(user));
        Assert.Empty(page.QuerySelectorAll(".admin-panel form"));

        using var password = await viewer.GetAsync($"{Users}{user.Id}/password/");
        using var signOut = await viewer.PostWithTokenAsync(Change(user), $"{Users}{user.Id}/sign-out-everywhere/", []);

        Assert.Equal(HttpStatusCode.Forbidden, password.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, signOut.StatusCode);
        Assert.Equal(user.SecurityStamp, (await UserAsync("clerk@example.com")).SecurityStamp);
    }

    [Fact]
    public async Task The_admin_header_links_to_the_users_own_change_password_page()
    {
        var client = await StaffAsync("clerk@example.com");

        var page = await client.GetHtmlAsync("/admin/");

        Assert.Equal("/Identity/Account/Manage/ChangePassword", page.QuerySelectorAll("header a").Single(a => a.TextContent == "Change password").GetAttribute("href"));
    }
}
