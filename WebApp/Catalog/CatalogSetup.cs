using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using WebApp.Catalog.Caching;

namespace WebApp.Catalog;

public static class CatalogSetup
{
    /// <summary>The shop's catalog queries, the count cache behind them and the catalog pages' output cache, with options from <c>Catalog:ListCache</c>.</summary>
    public static IServiceCollection AddCatalog(this IServiceCollection services)
    {
        services.AddOptions<ListCacheOptions>().BindConfiguration(ListCacheOptions.Section).ValidateOnStart();
        services.AddSingleton<IValidateOptions<ListCacheOptions>, ListCacheOptionsValidation>();
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<ProductCountCache>();
        services.AddScoped<ProductListQuery>();
        services.AddScoped<CatalogQueries>();
        services.AddCatalogPageCache();
        return services;
    }
}
