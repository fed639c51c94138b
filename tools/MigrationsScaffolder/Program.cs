using System.Reflection;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;
using Microsoft.EntityFrameworkCore.Migrations.Design;
using Microsoft.Extensions.DependencyInjection;
using WebApp.Data;

// Usage: MigrationsScaffolder <repository root> <MigrationName>
if (args.Length != 2)
{
    Console.Error.WriteLine("usage: MigrationsScaffolder <repository-root> <MigrationName>");
    return 2;
}
var (root, name) = (Path.GetFullPath(args[0]), args[1]);
var projectDir = Path.Combine(root, "WebApp");

using var connection = new SqliteConnection("Data Source=:memory:");
var options = new DbContextOptionsBuilder<AppDbContext>().UseSqlite(connection).Options;
using var context = new AppDbContext(options);

var services = new ServiceCollection();
services.AddEntityFrameworkDesignTimeServices();
services.AddDbContextDesignTimeServices(context);
// The provider names its design-time services with an assembly attribute, as `dotnet ef` discovers them.
var providerAssembly = typeof(SqliteDbContextOptionsBuilderExtensions).Assembly;
var providerServicesName = providerAssembly.GetCustomAttribute<DesignTimeProviderServicesAttribute>()!.TypeName;
var providerServices = (IDesignTimeServices)Activator.CreateInstance(providerAssembly.GetType(providerServicesName, throwOnError: true)!)!;
providerServices.ConfigureDesignTimeServices(services);
using var provider = services.BuildServiceProvider();

var scaffolder = provider.GetRequiredService<IMigrationsScaffolder>();
var migration = scaffolder.ScaffoldMigration(name, rootNamespace: "WebApp", subNamespace: "Data.Migrations", language: "C#");
var files = scaffolder.Save(projectDir, migration, Path.Combine(projectDir, "Data", "Migrations"));
Console.WriteLine(files.MigrationFile);
Console.WriteLine(files.MetadataFile);
Console.WriteLine(files.SnapshotFile);
return 0;
