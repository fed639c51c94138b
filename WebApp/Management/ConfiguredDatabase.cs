using WebApp.Data;

namespace WebApp.Management;

/// <summary>The app's database context, or why the configuration (provider, connection string) cannot make one.</summary>
internal static class ConfiguredDatabase
{
    public static AppDbContext? TryGet(IServiceProvider services, out string problem)
    {
        try
        {
            // The provider and connection string are read when the first context is made.
            var db = services.GetRequiredService<AppDbContext>();
            problem = "";
            return db;
        }
        catch (Exception e) when (e is InvalidOperationException or ArgumentException or FormatException)
        {
            problem = $"The database is not configured correctly: {e.Message}";
            return null;
        }
    }
}
