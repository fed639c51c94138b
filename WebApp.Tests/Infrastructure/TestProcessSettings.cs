using System.Runtime.CompilerServices;

namespace WebApp.Tests.Infrastructure;

/// <summary>Settings for the whole test process, applied before any app starts.</summary>
internal static class TestProcessSettings
{
    /// <summary>
    /// Each test app would otherwise watch its appsettings files with inotify; many apps in parallel (and other
    /// processes of the same user) exhaust the kernel's small per-user limit. Tests never edit configuration files.
    /// </summary>
    [ModuleInitializer]
    internal static void DisableConfigurationFileWatching()
    {
        Environment.SetEnvironmentVariable("DOTNET_hostBuilder__reloadConfigOnChange", "false");
        Environment.SetEnvironmentVariable("DOTNET_USE_POLLING_FILE_WATCHER", "1");
    }

    /// <summary>Apps that no factory configures (the command tests) store pictures in a folder of this process, not under data/.</summary>
    [ModuleInitializer]
    internal static void KeepMediaOutOfTheRepository() =>
        Environment.SetEnvironmentVariable("Media__Root", Directory.CreateTempSubdirectory("webapp-test-media-").FullName);

    /// <summary>
    /// The app picks its context type from Database:Provider while Program registers services, before a test factory's
    /// own configuration applies; the engine of the run is therefore the process's (each factory still has its own
    /// database, see <see cref="TestDatabase"/>).
    /// </summary>
    [ModuleInitializer]
    internal static void UseTheRunsDatabaseEngine() =>
        Environment.SetEnvironmentVariable("Database__Provider", TestDatabase.Provider);
}
