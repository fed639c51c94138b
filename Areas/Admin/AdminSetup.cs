using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Diagnostics;
using WebApp.Data;
using WebApp.Management.Checks;

namespace WebApp.Admin;

public static class AdminSetup
{
    /// <summary>URL prefix of every admin page.</summary>
    public const string PathPrefix = "/admin";

    /// <summary>Registrations found in the WebApp assembly, permissions as ASP.NET Core authorization handlers, the history log.</summary>
    public static IHostApplicationBuilder AddAdmin(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddHttpContextAccessor();
        services.AddControllersWithViews();
        services.AddSingleton(provider =>
        {
            using var scope = provider.CreateScope();
            var model = scope.ServiceProvider.GetRequiredService<AppDbContext>().Model;
            return new ModelAdminRegistry(ModelAdminRegistry.Discover(typeof(AdminSetup).Assembly), model);
        });
        services.Configure<AdminOptions>(builder.Configuration.GetSection(AdminOptions.Section));
        services.AddSingleton<ChangeListCounts>();
        services.AddSystemCheck<AdminRegistrationsCheck>();
        services.AddSingleton<IAdminHistory, AdminHistory>();
        services.AddSingleton<AdminSecurityLog>();
        services.AddScoped<AdminAccess>();
        services.AddScoped<IAuthorizationHandler, StaffHandler>();
        services.AddScoped<IAuthorizationHandler, ModelPermissionHandler>();
        services.AddScoped<StaffGateFilter>();
        services.AddAuthorizationBuilder()
            .AddPolicy(AdminPolicies.Staff, policy => policy.RequireAuthenticatedUser().AddRequirements(new StaffRequirement()));
        return builder;
    }

    /// <summary>Runs the admin checks (a broken registration stops start-up), sets the admin's security headers, maps its controllers.</summary>
    public static WebApplication UseAdmin(this WebApplication app)
    {
        _ = app.Services.GetRequiredService<ModelAdminRegistry>();
        app.UseWhen(context => context.Request.Path.StartsWithSegments(PathPrefix), admin => admin.Use(async (context, next) =>
        {
            // The admin renders its own error pages; the site's re-executed status pages would lose the admin's headers.
            if (context.Features.Get<IStatusCodePagesFeature>() is { } statusPages) statusPages.Enabled = false;
            context.Response.OnStarting(() =>
            {
                var headers = context.Response.Headers;
                headers.CacheControl = "no-store";
                headers.Pragma = "no-cache";
                headers.XFrameOptions = "DENY";
                headers.ContentSecurityPolicy = "frame-ancestors 'none'";
                headers.XContentTypeOptions = "nosniff";
                headers["Referrer-Policy"] = "same-origin";
                return Task.CompletedTask;
            });
            await next(context);
        }));
        app.MapControllers();
        return app;
    }
}
