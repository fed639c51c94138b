using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace WebApp.Catalog;

public static class CatalogSetup
{
    /// <summary>The shop's catalog queries and the count cache behind them, with options from <c>Catalog:ListCache</c>.</summary>
    public static IServiceCollection AddCatalog(this IServiceCollection services)
    {
        services.AddOptions<ListCacheOptions>().BindConfiguration(ListCacheOptions.Section).ValidateOnStart();
        services.AddSingleton<IValidateOptions<ListCacheOptions>, ListCacheOptionsValidation>();
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<ProductCountCache>();
        services.AddScoped<ProductListQuery>();
        services.AddScoped<CatalogQueries>();
        return services;
    }
}
