using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.Extensions.DependencyInjection;
using WebApp.Data;
using WebApp.Data.Providers.SqlServer;
using WebApp.Tests.Infrastructure;
using WebApp.Tests.Management;

namespace WebApp.Tests.Data.Providers.SqlServer;

/// <summary>SQL Server's migrations, checked from the model alone: no server runs here, none is contacted.</summary>
public sealed class SqlServerMigrationsTests
{
    private const string ScriptPath = "deploy/sqlserver/migrations.sql";

    private static CommandHost SqlServerHost() => new("Testing", new Dictionary<string, string?>
    {
        ["Database:Provider"] = "SqlServer",
        ["ConnectionStrings:Default"] = "Server=localhost;Database=webapp",
    });

    [Fact]
    public async Task The_model_has_no_changes_missing_from_the_SqlServer_migrations()
    {
        await using var host = SqlServerHost();
        await using var scope = host.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();

        Assert.IsType<SqlServerAppDbContext>(db);
        Assert.NotEmpty(db.Database.GetMigrations());
        Assert.False(db.Database.HasPendingModelChanges(),
            "The model differs from the last SQL Server migration: see README, \"Migrations on every engine\".");
    }

    [Fact]
    public async Task The_idempotent_script_in_deploy_is_current()
    {
        await using var host = SqlServerHost();
        await using var scope = host.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();

        var expected = db.GetService<IMigrator>().GenerateScript(options: MigrationsSqlGenerationOptions.Idempotent);
        var committed = await File.ReadAllTextAsync(Path.Combine(RepositoryRoot.Path, ScriptPath));

        Assert.True(Normalized(expected) == Normalized(committed),
            $"{ScriptPath} is out of date: regenerate it with the command in README, \"Migrations on every engine\".");
    }

    private static string Normalized(string script) => script.Trim('\uFEFF', ' ', '\r', '\n').ReplaceLineEndings("\n");
}
