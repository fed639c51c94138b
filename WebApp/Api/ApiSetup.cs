using System.Reflection;
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Controllers;
using Microsoft.Extensions.DependencyInjection.Extensions;
using WebApp.Accounts.Permissions;
using WebApp.Api.Security;
using WebApp.Api.Tokens;
using WebApp.Site;

namespace WebApp.Api;

public static class ApiSetup
{
    /// <summary>URL prefix of every API endpoint (and of the docs page).</summary>
    public const string PathPrefix = "/api";

    /// <summary>
    /// The JSON API: controllers under /api, bearer tokens beside the session cookie, permission policies, problem
    /// details for every error, rate limits and the OpenAPI document.
    /// </summary>
    public static IHostApplicationBuilder AddApi(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        services.TryAddSingleton(TimeProvider.System);
        services.AddScoped<ApiTokenService>();

        services.AddProblemDetails(options => options.CustomizeProblemDetails = context =>
        {
            if (IsApiRequest(context.HttpContext.Request)) context.ProblemDetails.Instance ??= context.HttpContext.Request.Path;
        });
        services.AddExceptionHandler<ApiExceptionHandler>();

        // No display names: Identity would offer schemes that have one as external login providers.
        services.AddAuthentication()
            .AddScheme<AuthenticationSchemeOptions, ApiBearerHandler>(ApiAuthentication.BearerScheme, displayName: null, _ => { })
            .AddPolicyScheme(ApiAuthentication.Scheme, displayName: null, options =>
            {
                options.ForwardDefaultSelector = context => ApiAuthentication.HasAuthorizationHeader(context.Request)
                    ? ApiAuthentication.BearerScheme
                    : IdentityConstants.ApplicationScheme;
                // The cookie handler would redirect to the login page; an API answers 401/403 problems.
                options.ForwardChallenge = ApiAuthentication.BearerScheme;
                options.ForwardForbid = ApiAuthentication.BearerScheme;
            });
        services.AddAuthorizationBuilder()
            .AddPolicy(ApiPolicies.Caller, policy => policy
                .AddAuthenticationSchemes(ApiAuthentication.Scheme)
                .AddRequirements(new ValidCredentialsRequirement()));
        services.AddScoped<IAuthorizationHandler, ValidCredentialsHandler>();
        services.AddSingleton<IAuthorizationMiddlewareResultHandler, ApiAuthorizationResultHandler>();

        services.AddControllers()
            .ConfigureApplicationPartManager(parts => parts.FeatureProviders.Add(new ApiControllerFeatureProvider()));
        services.AddScoped<ApiAntiforgeryFilter>();
        services.AddScoped<StrictQueryFilter>();
        services.Configure<ApiBehaviorOptions>(options => options.InvalidModelStateResponseFactory = ApiValidation.InvalidModelStateResponse);
        services.Configure<JsonOptions>(options =>
        {
            // The JSON reader's messages name .NET types; ApiValidation words its own.
            options.AllowInputFormatterExceptionMessages = false;
            // Numbers are JSON numbers: "price": "12" is a mistake to report, not a string to guess at.
            options.JsonSerializerOptions.NumberHandling = JsonNumberHandling.Strict;
        });
        // The OpenAPI document describes JSON with these options: keep them the same as MVC's.
        services.Configure<Microsoft.AspNetCore.Http.Json.JsonOptions>(options => options.SerializerOptions.NumberHandling = JsonNumberHandling.Strict);

        services.AddApiRateLimiting();
        services.AddApiOpenApi();
        return builder;
    }

    /// <summary>
    /// Call after UseSite (routing, authentication, authorization): under /api the site's HTML status pages give way to
    /// problem details, then the rate limiter; maps the controllers and the OpenAPI document.
    /// </summary>
    public static WebApplication UseApi(this WebApplication app)
    {
        app.UseWhen(context => IsApiRequest(context.Request), api =>
        {
            api.Use(async (context, next) =>
            {
                if (context.Features.Get<IStatusCodePagesFeature>() is { } sitePages) sitePages.Enabled = false;
                await next(context);
            });
            api.UseStatusCodePages(context => ApiProblems.WriteAsync(context.HttpContext, context.HttpContext.Response.StatusCode,
                context.HttpContext.Items[SiteRateLimiting.RetryAfterItem] is int seconds
                    ? "Too many requests. " + SiteRateLimiting.TryAgainIn(seconds) : null));
        });
        app.UseRateLimiter();
        app.MapControllers();
        app.MapOpenApi(ApiOpenApi.DocumentPath);
        return app;
    }

    public static bool IsApiRequest(HttpRequest request) => IsApiPath(request.Path);

    public static bool IsApiPath(PathString path) => path.StartsWithSegments(PathPrefix, StringComparison.OrdinalIgnoreCase);

    /// <summary>The API's controllers are internal like the rest of WebApp; MVC only finds public ones by itself.</summary>
    private sealed class ApiControllerFeatureProvider : ControllerFeatureProvider
    {
        protected override bool IsController(TypeInfo typeInfo) =>
            typeInfo.IsClass && !typeInfo.IsAbstract && !typeInfo.ContainsGenericParameters
            && typeof(ControllerBase).IsAssignableFrom(typeInfo)
            && typeInfo.Namespace?.StartsWith(typeof(ApiSetup).Namespace!, StringComparison.Ordinal) == true;
    }
}
