namespace WebApp.Management;

/// <summary>Django's manage.py: commands run through the app's own entry point instead of the server.</summary>
public static class ManagementCommands
{
    public static IManagementCommand? Parse(string[] args) => null;
}

public interface IManagementCommand
{
    Task<int> RunAsync(IServiceProvider services);
}
