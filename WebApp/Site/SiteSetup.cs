using System.Globalization;
using Microsoft.AspNetCore.Localization;
using WebApp.Cart;
using WebApp.Catalog;
using WebApp.Site.ConditionalGet;

namespace WebApp.Site;

public static class SiteSetup
{
    public const string DefaultCulture = "en-US";

    /// <summary>Razor Pages and MVC, the shop's catalog queries, AutoMapper projections and the site's culture.</summary>
    public static IHostApplicationBuilder AddSite(this IHostApplicationBuilder builder)
    {
        builder.Services.AddRazorPages();
        builder.Services.Configure<Microsoft.AspNetCore.Mvc.MvcOptions>(options => options.Filters.Add(new UnparsableCheckboxFilter()));
        builder.Services.AddControllersWithViews();

        // Profiles anywhere in WebApp are picked up; the licence key is optional (AutoMapper is dual-licensed).
        builder.Services.AddAutoMapper(
            (services, mapping) => mapping.LicenseKey = services.GetRequiredService<IConfiguration>()["AutoMapper:LicenseKey"],
            typeof(CatalogMappingProfile));
        builder.Services.AddCatalog();
        builder.Services.AddSiteRateLimiting();

        // Read when the app starts rather than now, so that tests and commands can still change configuration.
        builder.Services.AddOptions<RequestLocalizationOptions>()
            .Configure<IConfiguration>((options, configuration) =>
            {
                var culture = SiteCulture(configuration["Site:Culture"] ?? DefaultCulture);
                options.DefaultRequestCulture = new RequestCulture(culture);
                options.SupportedCultures = [culture];
                options.SupportedUICultures = [culture];
            })
            .ValidateOnStart();
        return builder;
    }

    public static WebApplication UseSite(this WebApplication app)
    {
        if (!app.Environment.IsDevelopment())
        {
            app.UseExceptionHandler("/Error");
            app.UseHsts();
        }
        // Error pages keep the original status code (404 stays 404) and render through the site's layout.
        app.UseStatusCodePagesWithReExecute("/Error/{0}");
        app.UseRequestLocalization();
        app.UseStaticFiles();
        app.UseRouting();
        app.UseAuthentication();
        app.UseAuthorization();
        // After authentication (the cache must know who asks) and routing (pages and API actions choose by metadata).
        app.UseOutputCache();
        app.UseMiddleware<EntityTagMiddleware>();
        app.MapRazorPages();
        app.MapAntiforgeryToken();
        app.MapControllerRoute("areas", "{area:exists}/{controller=Home}/{action=Index}/{id?}");
        return app;
    }

    private static CultureInfo SiteCulture(string name)
    {
        try
        {
            return CultureInfo.GetCultureInfo(name, predefinedOnly: true);
        }
        catch (CultureNotFoundException exception)
        {
            throw new InvalidOperationException($"Site:Culture \"{name}\" is not a known culture name; use one such as \"{DefaultCulture}\".", exception);
        }
    }
}
