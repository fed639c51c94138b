using Microsoft.EntityFrameworkCore;
using WebApp.Data;

namespace WebApp.Management.Checks;

/// <summary>The database provider and connection string are usable, the model builds and the migrations match it.</summary>
internal sealed class DatabaseCheck : ISystemCheck
{
    public Task<IReadOnlyList<SystemCheckMessage>> RunAsync(IServiceProvider services, CancellationToken cancellationToken)
    {
        if (ConfiguredDatabase.TryGet(services, out var problem) is not { } db)
            return Result(SystemCheckMessage.Error("database.E001", problem, "Check Database:Provider and ConnectionStrings:Default."));

        try
        {
            _ = db.Model;
        }
        catch (InvalidOperationException e)
        {
            return Result(SystemCheckMessage.Error("database.E002", $"The data model cannot be built: {e.Message}"));
        }

        if (db.Database.HasPendingModelChanges())
        {
            return Result(SystemCheckMessage.Error("database.E003", "The model has changes that are not in a migration.",
                "Run tools/add-migration.sh NAME and commit the migration."));
        }
        return Result();
    }

    private static Task<IReadOnlyList<SystemCheckMessage>> Result(params SystemCheckMessage[] messages) =>
        Task.FromResult<IReadOnlyList<SystemCheckMessage>>(messages);
}
