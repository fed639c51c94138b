namespace WebApp.Tests.Infrastructure;

/// <summary>The repository root: the site's content root (Areas/, wwwroot/, appsettings.json).</summary>
public static class RepositoryRoot
{
    public static string Path { get; } = Find();

    private static string Find()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(System.IO.Path.Combine(dir.FullName, "WebApp.sln")))
                return dir.FullName;
        }
        throw new InvalidOperationException("WebApp.sln not found above " + AppContext.BaseDirectory);
    }
}
