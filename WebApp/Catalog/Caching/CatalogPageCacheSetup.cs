using Microsoft.EntityFrameworkCore.Diagnostics;

namespace WebApp.Catalog.Caching;

public static class CatalogPageCacheSetup
{
    private const long MemoryBudget = 32 * 1024 * 1024;

    /// <summary>
    /// The output cache for the anonymous catalog pages (options from <c>Catalog:PageCache</c>) and the interceptor that
    /// evicts them on every catalog change. The store is whatever IOutputCacheStore is registered: in memory by default;
    /// AddStackExchangeRedisOutputCache replaces it with one shared by every instance.
    /// </summary>
    public static IServiceCollection AddCatalogPageCache(this IServiceCollection services)
    {
        services.AddOptions<CatalogPageCacheOptions>().BindConfiguration(CatalogPageCacheOptions.Section);
        services.AddHttpContextAccessor();
        services.AddSingleton<CatalogPageCache>();
        services.AddSingleton<CatalogDataCache>();
        services.AddSingleton<IInterceptor, CatalogChangeInterceptor>();
        services.AddOutputCache(options =>
        {
            options.AddPolicy(CatalogPageCache.PolicyName, new CatalogPagePolicy());
            // Every search is a page of its own: the in-memory store stays within a fixed budget (least recently used go).
            options.SizeLimit = MemoryBudget;
        });
        return services;
    }
}
