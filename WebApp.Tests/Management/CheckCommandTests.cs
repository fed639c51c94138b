using Microsoft.Extensions.Options;
using WebApp.Tests.Infrastructure;

namespace WebApp.Tests.Management;

public class CheckCommandTests
{
    [Fact]
    public async Task A_good_setup_has_no_issues()
    {
        using var factory = new WebAppFactory();

        var result = await CommandRunner.RunAsync(factory.Services, ["check"]);

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal("System check identified no issues." + Environment.NewLine, result.Output);
        Assert.Empty(result.Error);
    }

    [Fact]
    public async Task An_unknown_database_provider_is_reported_with_its_id()
    {
        await using var host = new CommandHost("Testing", new Dictionary<string, string?> { ["Database:Provider"] = "Oracle" });

        var result = await CommandRunner.RunAsync(host.Services, ["check"]);

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("database.E001: The database is not configured correctly: Database:Provider 'Oracle' is not supported", result.Error);
        Assert.Contains("System check identified 1 issue.", result.Error);
    }

    [Fact]
    public async Task A_connection_string_that_does_not_parse_is_reported()
    {
        await using var host = new CommandHost("Testing", new Dictionary<string, string?> { ["ConnectionStrings:Default"] = "Flavour=Strawberry" });

        var result = await CommandRunner.RunAsync(host.Services, ["check"]);

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("database.E001:", result.Error);
        Assert.Contains("flavour", result.Error, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Production_without_an_smtp_host_is_reported_by_check()
    {
        await using var host = new CommandHost("Production");

        var result = await CommandRunner.RunAsync(host.Services, ["check"]);

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("email.E002: Email:Smtp:Host is not set", result.Error);
    }

    [Fact]
    public async Task Production_with_an_smtp_host_has_no_issues()
    {
        await using var host = new CommandHost("Production", new Dictionary<string, string?>
        {
            ["Email:Smtp:Host"] = "smtp.example.com",
            ["Email:Smtp:UserName"] = "shop",
            ["Email:Smtp:Password"] = "secret",
        });

        var result = await CommandRunner.RunAsync(host.Services, ["check"]);

        Assert.True(result.ExitCode == 0, result.ToString());
    }

    [Fact]
    public async Task Every_email_problem_is_reported_on_its_own_line()
    {
        await using var host = new CommandHost("Production", new Dictionary<string, string?>
        {
            ["Email:From"] = "not an address",
            ["Email:Smtp:Host"] = "smtp.example.com",
            ["Email:Smtp:Port"] = "0",
            ["Email:Smtp:UserName"] = "shop",
        });

        var result = await CommandRunner.RunAsync(host.Services, ["check"]);

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("email.E001: Email:From 'not an address' is not an email address.", result.Error);
        Assert.Contains("email.E003: Email:Smtp:Port 0 is not a TCP port", result.Error);
        Assert.Contains("email.E004:", result.Error);
        Assert.Contains("System check identified 3 issues.", result.Error);
    }

    [Fact]
    public async Task Settings_that_do_not_bind_are_reported()
    {
        await using var host = new CommandHost("Production", new Dictionary<string, string?>
        {
            ["Email:Smtp:Host"] = "smtp.example.com",
            ["Email:Smtp:Port"] = "twenty-five",
        });

        var result = await CommandRunner.RunAsync(host.Services, ["check"]);

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("email.E005: The Email settings cannot be read", result.Error);
    }

    [Fact]
    public void Production_without_an_smtp_host_does_not_start()
    {
        using var factory = new SettingsFactory(new() { ["Email:PickupDirectory"] = null }, environment: "Production");

        var error = Assert.Throws<OptionsValidationException>(() => factory.Services);

        Assert.Contains("email.E002: Email:Smtp:Host is not set", error.Message);
    }
}
