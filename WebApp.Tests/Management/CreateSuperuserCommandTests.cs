using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using WebApp.Accounts;
using WebApp.Tests.Infrastructure;

namespace WebApp.Tests.Management;

public class CreateSuperuserCommandTests : IDisposable
{
    private const string Email = "root@example.com";
    private const string GoodPassword = "Correct!Horse9";
    private readonly WebAppFactory _factory = new();

    public CreateSuperuserCommandTests() => _factory.EnsureMigrated();

    public void Dispose() => _factory.Dispose();

    [Fact]
    public async Task A_password_from_stdin_makes_a_confirmed_staff_superuser_with_a_hashed_password()
    {
        var before = DateTime.UtcNow;
        var result = await CommandRunner.RunAsync(_factory.Services,
            ["createsuperuser", "--email", Email, "--password-stdin"], input: GoodPassword + "\n");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains($"Superuser {Email} created.", result.Output);
        await _factory.WithDbAsync(async db =>
        {
            var user = await db.Users.SingleAsync();
            Assert.Equal(Email, user.Email);
            Assert.Equal(Email, user.UserName);
            Assert.True(user.IsSuperuser);
            Assert.True(user.IsStaff);
            Assert.True(user.IsActive);
            Assert.True(user.EmailConfirmed);
            Assert.InRange(user.DateJoined, before.AddSeconds(-1), DateTime.UtcNow.AddSeconds(1));
            Assert.NotNull(user.PasswordHash);
            Assert.DoesNotContain(GoodPassword, user.PasswordHash);
        });
        await using var scope = _factory.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        Assert.True(await users.CheckPasswordAsync((await users.FindByEmailAsync(Email))!, GoodPassword));
    }

    [Fact]
    public async Task A_weak_password_is_refused_by_the_configured_validators_and_nothing_is_created()
    {
        var result = await CommandRunner.RunAsync(_factory.Services,
            ["createsuperuser", "--email", Email, "--password-stdin"], input: "short\n");

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("Passwords must be at least 8 characters.", result.Error);
        Assert.Contains("Nothing was created.", result.Error);
        Assert.Equal(0, await _factory.WithDbAsync(db => db.Users.CountAsync()));
    }

    [Fact]
    public async Task An_email_that_is_taken_is_refused_and_nothing_is_created()
    {
        var first = await CommandRunner.RunAsync(_factory.Services,
            ["createsuperuser", "--email", Email, "--password-stdin"], input: GoodPassword);
        var second = await CommandRunner.RunAsync(_factory.Services,
            ["createsuperuser", "--email", Email.ToUpperInvariant(), "--password-stdin"], input: "Another!Pass9");

        Assert.Equal(0, first.ExitCode);
        Assert.Equal(1, second.ExitCode);
        Assert.Contains("already exists", second.Error);
        Assert.Equal(1, await _factory.WithDbAsync(db => db.Users.CountAsync()));
    }

    [Fact]
    public async Task Without_password_stdin_a_redirected_input_is_a_usage_error()
    {
        var result = await CommandRunner.RunAsync(_factory.Services, ["createsuperuser", "--email", Email], input: GoodPassword);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("--password-stdin", result.Error);
        Assert.Equal(0, await _factory.WithDbAsync(db => db.Users.CountAsync()));
    }

    [Fact]
    public async Task At_a_terminal_the_password_is_asked_twice_until_both_match_and_pass_validation()
    {
        var result = await CommandRunner.RunAsync(_factory.Services, ["createsuperuser", "--email", Email],
            secrets: [GoodPassword, "typo", "weak", "weak", GoodPassword, GoodPassword]);

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains("Your passwords didn't match.", result.Error);
        Assert.Contains("Passwords must be at least 8 characters.", result.Error);
        Assert.Equal(3, result.Output.Split("Password (again): ").Length - 1);
        Assert.Equal(1, await _factory.WithDbAsync(db => db.Users.CountAsync(u => u.IsSuperuser)));
    }

    [Fact]
    public async Task At_a_terminal_three_bad_answers_create_nothing()
    {
        var result = await CommandRunner.RunAsync(_factory.Services, ["createsuperuser", "--email", Email],
            secrets: ["a", "b", "", "", "weak", "weak"]);

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("Blank passwords are not allowed.", result.Error);
        Assert.Contains("No acceptable password after 3 attempts", result.Error);
        Assert.Equal(0, await _factory.WithDbAsync(db => db.Users.CountAsync()));
    }
}
