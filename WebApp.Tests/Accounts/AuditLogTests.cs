using System.Net;
using Microsoft.Extensions.Logging;
using WebApp.Accounts.Audit;
using WebApp.Admin;
using WebApp.Tests.Infrastructure;

namespace WebApp.Tests.Accounts;

/// <summary>What the audit log records: sign-ins, refusals, lockouts, password and two-factor changes, admin refusals.</summary>
public sealed class AuditLogTests(AccountsFactory factory) : IClassFixture<AccountsFactory>
{
    [Fact]
    public async Task A_refused_and_a_successful_sign_in_are_recorded_with_the_account_and_the_address()
    {
        var user = await factory.CreateUserAsync($"audit-{Guid.NewGuid():N}@example.com");
        var client = factory.ClientFrom("192.0.2.20");

        using var wrong = await client.LoginAsync(user.Email!, "Wrong!Pass9");
        using var right = await client.LoginAsync(user.Email!);

        Assert.Equal(HttpStatusCode.Redirect, right.StatusCode);
        Assert.Contains($"Refused sign-in of {user.Email} by password: wrong credentials, from 192.0.2.20", Audit(LogLevel.Warning));
        Assert.Contains($"Sign-in of user {user.Id} ({user.Email}) by pwd from 192.0.2.20", Audit(LogLevel.Information));
    }

    [Fact]
    public async Task A_sign_in_to_a_locked_out_account_is_recorded_as_a_lockout()
    {
        var user = await factory.CreateUserAsync($"audit-locked-{Guid.NewGuid():N}@example.com",
            u => u.LockoutEnd = DateTimeOffset.UtcNow.AddHours(1));

        using var refused = await factory.ClientFrom("192.0.2.21").LoginAsync(user.Email!);

        Assert.Equal(HttpStatusCode.Redirect, refused.StatusCode);
        Assert.Contains("Lockout", refused.Headers.Location?.OriginalString);
        Assert.Contains($"Sign-in of {user.Email} by password refused: the account is locked out, from 192.0.2.21", Audit(LogLevel.Warning));
    }

    [Fact]
    public async Task A_password_change_and_a_two_factor_reset_are_recorded_with_who_made_them()
    {
        var user = await factory.CreateUserAsync($"audit-change-{Guid.NewGuid():N}@example.com");
        var client = factory.ClientFrom("192.0.2.22");
        using var login = await client.LoginAsync(user.Email!);

        using var changed = await client.PostFormAsync("/Identity/Account/Manage/ChangePassword", new Dictionary<string, string>
        {
            ["Input.OldPassword"] = AccountTestData.Password,
            ["Input.NewPassword"] = "Another!Pass9",
            ["Input.ConfirmPassword"] = "Another!Pass9",
        });
        using var reset = await client.PostFormAsync("/Identity/Account/Manage/ResetAuthenticator", new Dictionary<string, string>());

        Assert.Equal(HttpStatusCode.Redirect, changed.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, reset.StatusCode);
        var entries = Audit(LogLevel.Information);
        Assert.Contains($"Password of user {user.Id} ({user.Email}) changed by {user.Email} from 192.0.2.22", entries);
        Assert.Contains($"Two-factor sign-in of user {user.Id} ({user.Email}): disabled by {user.Email} from 192.0.2.22", entries);
        Assert.Contains($"Two-factor sign-in of user {user.Id} ({user.Email}): new authenticator key by {user.Email} from 192.0.2.22", entries);
    }

    [Fact]
    public async Task A_staff_member_refused_an_admin_page_for_a_missing_permission_is_recorded()
    {
        var email = $"audit-staff-{Guid.NewGuid():N}@example.com";
        var staff = await factory.LoggedInClientAsync(email, staff: true);

        using var refused = await staff.GetAsync("/admin/catalog/product/");

        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.Contains(factory.Logs.Entries, e => e.Category == AdminSecurityLog.Category && e.Level == LogLevel.Warning
            && e.Message.StartsWith("Permission refused: user ", StringComparison.Ordinal)
            && e.Message.Contains($"({email}) on GET /admin/catalog/product/", StringComparison.Ordinal));
    }

    private List<string> Audit(LogLevel level) =>
        factory.Logs.Entries.Where(e => e.Category == AuditLog.Category && e.Level == level).Select(e => e.Message).ToList();
}
