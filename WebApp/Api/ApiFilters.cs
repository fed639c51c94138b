using System.Collections.Concurrent;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Mvc.Abstractions;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using WebApp.Api.Security;

namespace WebApp.Api;

/// <summary>
/// Unsafe requests that rely on the session cookie must carry the antiforgery token in the <c>RequestVerificationToken</c>
/// header, or another site could make a signed-in browser send them. Bearer tokens are never sent by a browser on its
/// own, so requests with an Authorization header need none. Runs after authorization: 401/403 come first.
/// </summary>
internal sealed class ApiAntiforgeryFilter(IAntiforgery antiforgery) : IAsyncAuthorizationFilter
{
    public async Task OnAuthorizationAsync(AuthorizationFilterContext context)
    {
        var request = context.HttpContext.Request;
        if (HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method) || HttpMethods.IsOptions(request.Method)
            || HttpMethods.IsTrace(request.Method) || ApiAuthentication.HasAuthorizationHeader(request))
            return;
        try
        {
            await antiforgery.ValidateRequestAsync(context.HttpContext);
        }
        catch (AntiforgeryValidationException)
        {
            context.Result = ApiValidation.Problem(context.HttpContext, new Dictionary<string, string[]>(), StatusCodes.Status400BadRequest,
                "This request uses the session cookie, so it needs the page's antiforgery token in the \"RequestVerificationToken\" "
                + "header (or use a bearer token instead). Nothing was changed.");
        }
    }
}

/// <summary>
/// The API is strict: a query parameter the endpoint does not read (a typo such as <c>pagesize=5</c> is fine, query
/// names ignore case, but <c>size=5</c> is not) is a validation error rather than silently ignored.
/// Runs before the automatic model-state check, so every problem is reported at once.
/// </summary>
internal sealed class StrictQueryFilter(IModelMetadataProvider metadata) : IActionFilter
{
    /// <summary>[ApiController]'s automatic 400 runs at -2000.</summary>
    public const int RunsBeforeModelStateCheck = -3000;

    private static readonly ConcurrentDictionary<string, HashSet<string>> KnownByAction = new();

    public void OnActionExecuting(ActionExecutingContext context)
    {
        var known = KnownByAction.GetOrAdd(context.ActionDescriptor.Id, _ => KnownNames(context.ActionDescriptor));
        foreach (var name in context.HttpContext.Request.Query.Keys.Where(name => !known.Contains(name)))
        {
            context.ModelState.AddModelError(name, known.Count == 0
                ? "This endpoint takes no query parameters."
                : $"Unknown query parameter. This endpoint reads: {string.Join(", ", known.Order(StringComparer.Ordinal))}.");
        }
    }

    public void OnActionExecuted(ActionExecutedContext context)
    {
    }

    private HashSet<string> KnownNames(ActionDescriptor action)
    {
        var names = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var parameter in action.Parameters.Where(p => p.BindingInfo?.BindingSource == BindingSource.Query))
        {
            var parameterMetadata = metadata.GetMetadataForType(parameter.ParameterType);
            if (parameterMetadata.IsComplexType)
                names.UnionWith(parameterMetadata.Properties.Select(p => p.BinderModelName ?? p.Name!));
            else
                names.Add(parameter.BindingInfo?.BinderModelName ?? parameter.Name);
        }
        return names;
    }
}
