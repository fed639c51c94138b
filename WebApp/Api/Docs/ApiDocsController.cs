using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.Extensions.Options;
using Microsoft.OpenApi;

namespace WebApp.Api.Docs;

/// <summary>
/// <c>/api/docs</c>: the OpenAPI document as a readable page, rendered on the server (no script, no CDN), with a short
/// guide to authentication.
/// </summary>
[Route("api/docs")]
[ApiExplorerSettings(IgnoreApi = true)]
internal sealed class ApiDocsController(
    [FromKeyedServices(ApiOpenApi.DocumentName)] IOpenApiDocumentProvider documents,
    IOptions<ApiRateLimitOptions> rateLimits) : Controller
{
    public const string ViewPath = "/Api/Docs/Index.cshtml";

    [HttpGet("")]
    public async Task<IActionResult> Index(CancellationToken cancellationToken)
    {
        var document = await documents.GetOpenApiDocumentAsync(cancellationToken);
        var json = await document.SerializeAsJsonAsync(OpenApiSpecVersion.OpenApi3_1, cancellationToken);
        var baseUrl = $"{Request.Scheme}://{Request.Host}{Request.PathBase}";
        var documentUrl = baseUrl + ApiOpenApi.DocumentPath.Replace("{documentName}", ApiOpenApi.DocumentName, StringComparison.Ordinal);
        return View(ViewPath, ApiDocsPageBuilder.Build(json, baseUrl, documentUrl, rateLimits.Value));
    }
}
