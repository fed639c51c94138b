using Microsoft.AspNetCore.Antiforgery;

namespace WebApp.Cart;

/// <summary>
/// GET /antiforgery/token: this visitor's antiforgery token for forms on pages shared through the output cache, which
/// cannot carry one (wwwroot/js/add-to-cart.js adds it before posting). Never cached: it sets the visitor's cookie.
/// </summary>
public static class AntiforgeryTokenEndpoint
{
    public const string Path = "/antiforgery/token";

    public static IEndpointRouteBuilder MapAntiforgeryToken(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet(Path, (HttpContext context, IAntiforgery antiforgery) =>
        {
            var tokens = antiforgery.GetAndStoreTokens(context);
            return Results.Json(new AntiforgeryTokenResponse(tokens.FormFieldName, tokens.RequestToken!));
        }).ExcludeFromDescription();
        return endpoints;
    }

    private sealed record AntiforgeryTokenResponse(string FieldName, string RequestToken);
}
