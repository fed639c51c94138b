using Microsoft.Extensions.DependencyInjection.Extensions;

namespace WebApp.Management.Checks;

internal static class SystemChecks
{
    /// <summary>Adds a check that the <c>check</c> command runs (once, however often it is added).</summary>
    public static IServiceCollection AddSystemCheck<TCheck>(this IServiceCollection services)
        where TCheck : class, ISystemCheck
    {
        services.TryAddEnumerable(ServiceDescriptor.Singleton<ISystemCheck, TCheck>());
        return services;
    }

    /// <summary>The checks every installation runs, followed by those the features registered.</summary>
    internal static IEnumerable<ISystemCheck> All(IServiceProvider services) =>
        [new DatabaseCheck(), .. services.GetServices<ISystemCheck>()];

    /// <summary>Runs every check in order and collects their messages.</summary>
    internal static async Task<IReadOnlyList<SystemCheckMessage>> RunAllAsync(
        IServiceProvider services, CancellationToken cancellationToken)
    {
        var messages = new List<SystemCheckMessage>();
        foreach (var check in All(services))
            messages.AddRange(await check.RunAsync(services, cancellationToken));
        return messages;
    }
}
