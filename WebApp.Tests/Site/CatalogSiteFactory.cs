using WebApp.Tests.Infrastructure;

namespace WebApp.Tests.Site;

/// <summary>A <see cref="WebAppFactory"/> whose catalog is built once for a whole test class; its tests only read.</summary>
public abstract class CatalogSiteFactory : WebAppFactory, IAsyncLifetime
{
    protected abstract void Build(CatalogBuilder catalog);

    public async Task InitializeAsync()
    {
        var catalog = new CatalogBuilder();
        Build(catalog);
        await catalog.SaveAsync(this);
    }

    Task IAsyncLifetime.DisposeAsync() => Task.CompletedTask;
}
