using Microsoft.EntityFrameworkCore;
using WebApp.Data;

namespace WebApp.Management;

/// <summary><c>migrate</c>: applies the migrations the database lacks and names each one.</summary>
internal sealed class MigrateCommand(CommandConsole console) : ManagementCommand(console)
{
    public static IManagementCommand Create(CommandArguments arguments, CommandConsole console) => new MigrateCommand(console);

    protected override async Task<int> ExecuteAsync(IServiceProvider services, CancellationToken cancellationToken)
    {
        var db = Database(services);
        var pending = (await db.Database.GetPendingMigrationsAsync(cancellationToken)).ToList();

        await DatabaseProviders.MigrateAsync(db, cancellationToken);

        if (pending.Count == 0)
            Console.Out.WriteLine("No migrations to apply: the database is up to date.");
        foreach (var migration in pending)
            Console.Out.WriteLine($"Applied {migration}");

        if (db.Database.HasPendingModelChanges())
        {
            Console.Error.WriteLine(
                "Warning: the model has changes that are not in a migration yet; run tools/add-migration.sh NAME.");
        }
        return ManagementCommands.Success;
    }
}
