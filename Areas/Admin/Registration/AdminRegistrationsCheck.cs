using Microsoft.EntityFrameworkCore;
using WebApp.Data;
using WebApp.Management.Checks;

namespace WebApp.Admin;

/// <summary>The admin's start-up checks, also reported by the <c>check</c> command (as Django's checks framework does).</summary>
internal sealed class AdminRegistrationsCheck : ISystemCheck
{
    public Task<IReadOnlyList<SystemCheckMessage>> RunAsync(IServiceProvider services, CancellationToken cancellationToken)
    {
        try
        {
            // The registrations are checked against the data model, which needs a configured database.
            _ = services.GetRequiredService<DbContextOptions>();
        }
        catch (Exception exception) when (exception is InvalidOperationException or ArgumentException)
        {
            return Task.FromResult<IReadOnlyList<SystemCheckMessage>>([]); // database.E001 reports it
        }

        try
        {
            _ = services.GetRequiredService<ModelAdminRegistry>();
            return Task.FromResult<IReadOnlyList<SystemCheckMessage>>([]);
        }
        catch (AdminConfigurationException exception)
        {
            return Task.FromResult<IReadOnlyList<SystemCheckMessage>>(
                exception.Errors.Select(e => SystemCheckMessage.Error(e.Id, $"{e.Registration}: {e.Option}: {e.Message}")).ToList());
        }
    }
}
