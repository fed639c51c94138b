using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using WebApp.Data;
using WebApp.Management;
using WebApp.Tests.Infrastructure;

namespace WebApp.Tests.Management;

public class ManagementCommandsTests : IDisposable
{
    private readonly WebAppFactory _factory = new();

    public void Dispose() => _factory.Dispose();

    [Theory]
    [InlineData]
    [InlineData("--urls", "http://localhost:5123")]
    [InlineData("--environment=Production")]
    public void No_command_starts_the_server(params string[] args) =>
        Assert.Null(ManagementCommands.Parse(args));

    [Theory]
    [InlineData(new[] { "frobnicate" }, "Unknown command 'frobnicate'.")]
    [InlineData(new[] { "seed" }, "--products is required.")]
    [InlineData(new[] { "seed", "--products" }, "--products needs a value.")]
    [InlineData(new[] { "seed", "--products", "many" }, "--products must be a whole number")]
    [InlineData(new[] { "seed", "--products", "-5" }, "--products must be a whole number from 0 to 10,000,000, not '-5'.")]
    [InlineData(new[] { "seed", "--products=10", "--products=20" }, "--products is given more than once.")]
    [InlineData(new[] { "migrate", "now" }, "Unexpected argument 'now'.")]
    [InlineData(new[] { "check", "--deploy" }, "Unexpected argument '--deploy'.")]
    [InlineData(new[] { "createsuperuser" }, "--email is required.")]
    [InlineData(new[] { "createsuperuser", "--email", "not-an-address", "--password-stdin" }, "'not-an-address' is not an email address.")]
    [InlineData(new[] { "createsuperuser", "--email", "a@example.com", "--password-stdin=yes" }, "--password-stdin takes no value.")]
    public async Task Unknown_commands_and_bad_arguments_print_the_usage_on_stderr_and_exit_2(string[] args, string problem)
    {
        var result = await CommandRunner.RunAsync(_factory.Services, args);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("Error: " + problem, result.Error);
        Assert.Contains("Usage:", result.Error);
        Assert.Empty(result.Output);
    }

    [Theory]
    [InlineData("help")]
    [InlineData("--help")]
    public async Task Help_lists_every_command_on_stdout(string help)
    {
        var result = await CommandRunner.RunAsync(_factory.Services, [help]);

        Assert.Equal(0, result.ExitCode);
        foreach (var command in new[] { "migrate", "createsuperuser --email EMAIL [--password-stdin]", "seed --products N", "check", "help" })
            Assert.Contains(command, result.Output);
        Assert.Empty(result.Error);
    }

    [Fact]
    public async Task Migrate_applies_every_migration_and_then_has_nothing_to_do()
    {
        var first = await CommandRunner.RunAsync(_factory.Services, ["migrate"]);
        var second = await CommandRunner.RunAsync(_factory.Services, ["migrate"]);

        Assert.Equal(0, first.ExitCode);
        await using var scope = _factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        foreach (var migration in db.Database.GetMigrations())
            Assert.Contains($"Applied {migration}", first.Output);
        Assert.Empty(await db.Database.GetPendingMigrationsAsync());
        Assert.Equal(0, await db.Products.CountAsync());
        Assert.Equal(0, await db.Users.CountAsync());

        Assert.Equal(0, second.ExitCode);
        Assert.Contains("No migrations to apply", second.Output);
    }

    [Theory]
    [InlineData("migrate")]
    [InlineData("seed", "--products", "10")]
    [InlineData("createsuperuser", "--email", "root@example.com", "--password-stdin")]
    public async Task A_bad_database_configuration_is_a_clear_error_not_a_crash(params string[] args)
    {
        // Commands run before the web pipeline is built (Program.cs), so a command host, not a started server.
        await using var host = new CommandHost("Testing", new Dictionary<string, string?> { ["Database:Provider"] = "Oracle" });

        var result = await CommandRunner.RunAsync(host.Services, args, input: "Correct!Horse9");

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("Error: The database is not configured correctly: Database:Provider 'Oracle' is not supported", result.Error);
    }

    [Fact]
    public async Task A_database_without_tables_is_reported_with_a_hint_to_migrate()
    {
        var result = await CommandRunner.RunAsync(_factory.Services,
            ["createsuperuser", "--email", "root@example.com", "--password-stdin"], input: "Correct!Horse9");

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("Error: the database refused: ", result.Error);
        Assert.Contains("run the migrate command first", result.Error);
    }
}
