using System.Diagnostics;
using WebApp.Tests.Infrastructure;

namespace WebApp.Tests.Management;

/// <summary>The commands through the real entry point, as <c>dotnet WebApp.dll &lt;command&gt;</c> runs them.</summary>
public class EntryPointTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("webapp-process-").FullName;
    private readonly TestDatabase _database = new();

    public void Dispose()
    {
        _database.Dispose();
        try { Directory.Delete(_folder, recursive: true); } catch (IOException) { }
    }

    private async Task<CommandResult> RunAsync(params string[] args)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = RepositoryRoot.Path,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "WebApp.dll"));
        foreach (var arg in args) start.ArgumentList.Add(arg);
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Testing";
        foreach (var (name, value) in _database.EnvironmentVariables) start.Environment[name] = value;
        start.Environment["Email__PickupDirectory"] = Path.Combine(_folder, "mail");
        start.Environment["Logging__LogLevel__Default"] = "Warning";

        using var process = Process.Start(start)!;
        process.StandardInput.Close();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        var output = process.StandardOutput.ReadToEndAsync(timeout.Token);
        var error = process.StandardError.ReadToEndAsync(timeout.Token);
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw;
        }
        return new CommandResult(process.ExitCode, await output, await error);
    }

    [Fact]
    public async Task Commands_run_and_exit_with_their_codes_without_starting_the_server()
    {
        var unknown = await RunAsync("frobnicate");
        Assert.Equal(2, unknown.ExitCode);
        Assert.Contains("Unknown command 'frobnicate'.", unknown.Error);

        var migrate = await RunAsync("migrate");
        Assert.True(migrate.ExitCode == 0, migrate.ToString());
        Assert.Contains("Applied ", migrate.Output);

        var seed = await RunAsync("seed", "--products", "25");
        Assert.True(seed.ExitCode == 0, seed.ToString());
        Assert.Contains("Seeded 20 categories, 25 products and 50 reviews", seed.Output);
        Assert.DoesNotContain("Now listening", seed.Output);

        Assert.Equal(25L, Convert.ToInt64(await _database.ScalarAsync("SELECT COUNT(*) FROM \"Products\"")));
    }
}
