using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Controllers;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using WebApp.Tests.Infrastructure;

namespace WebApp.Tests.Api;

/// <summary>/openapi/v1.json describes every API endpoint (derived from the app's own routes) and /api/docs shows them.</summary>
public partial class OpenApiDocumentTests(ApiFactory factory) : IClassFixture<ApiFactory>
{
    private async Task<JsonElement> DocumentAsync()
    {
        using var response = await factory.CreateClient().GetAsync("/openapi/v1.json");
        return await response.ExpectJsonAsync();
    }

    /// <summary>Every method and route of the [ApiController] actions, as OpenAPI spells paths ("/api/products/{id}").</summary>
    private HashSet<string> ApiControllerRoutes()
    {
        factory.EnsureMigrated();
        var endpoints = factory.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>();
        var routes = new HashSet<string>(StringComparer.Ordinal);
        foreach (var endpoint in endpoints)
        {
            var action = endpoint.Metadata.GetMetadata<ControllerActionDescriptor>();
            if (action is null || !action.ControllerTypeInfo.IsDefined(typeof(ApiControllerAttribute), inherit: true)) continue;
            var path = "/" + RouteConstraint().Replace(endpoint.RoutePattern.RawText!.TrimStart('/'), "}");
            foreach (var method in endpoint.Metadata.GetMetadata<Microsoft.AspNetCore.Routing.HttpMethodMetadata>()!.HttpMethods)
                routes.Add($"{method} {path}");
        }
        return routes;
    }

    private static HashSet<string> DocumentedRoutes(JsonElement document) =>
        document.GetProperty("paths").EnumerateObject()
            .SelectMany(path => path.Value.EnumerateObject().Select(method => $"{method.Name.ToUpperInvariant()} {path.Name}"))
            .ToHashSet(StringComparer.Ordinal);

    [Fact]
    public async Task The_document_lists_exactly_the_api_controllers_routes()
    {
        var expected = ApiControllerRoutes();

        var documented = DocumentedRoutes(await DocumentAsync());

        Assert.Contains("GET /api/products/{id}", expected);
        Assert.Contains("DELETE /api/products/{id}", expected);
        Assert.Equal(expected.Order(StringComparer.Ordinal), documented.Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task The_document_has_the_bearer_scheme_and_says_which_operations_need_it()
    {
        var document = await DocumentAsync();

        var scheme = document.GetProperty("components").GetProperty("securitySchemes").GetProperty("Bearer");
        Assert.Equal("http", scheme.GetProperty("type").GetString());
        Assert.Equal("bearer", scheme.GetProperty("scheme").GetString());
        var paths = document.GetProperty("paths");
        var create = paths.GetProperty("/api/products").GetProperty("post");
        Assert.Equal("[{\"Bearer\":[]}]", JsonSerializer.Serialize(create.GetProperty("security")));
        Assert.Contains("catalog.add_product", create.GetProperty("description").GetString());
        var list = paths.GetProperty("/api/products").GetProperty("get");
        Assert.Equal("[{},{\"Bearer\":[]}]", JsonSerializer.Serialize(list.GetProperty("security")));
    }

    [Fact]
    public async Task Every_operation_documents_its_success_and_error_responses()
    {
        var document = await DocumentAsync();

        foreach (var path in document.GetProperty("paths").EnumerateObject())
        {
            foreach (var operation in path.Value.EnumerateObject())
            {
                var responses = operation.Value.GetProperty("responses");
                var where = $"{operation.Name} {path.Name}";
                Assert.True(responses.EnumerateObject().Any(r => r.Name.StartsWith('2')), where + " has no success response");
                foreach (var status in new[] { "401", "429", "500" })
                    Assert.True(responses.TryGetProperty(status, out var error) && error.GetProperty("content").TryGetProperty("application/problem+json", out _), $"{where} lacks {status}");
                Assert.True(operation.Value.TryGetProperty("summary", out _), where + " has no summary");
            }
        }
        var post = document.GetProperty("paths").GetProperty("/api/products").GetProperty("post");
        Assert.Equal("#/components/schemas/ProductRequest", post.GetProperty("requestBody").GetProperty("content").GetProperty("application/json").GetProperty("schema").GetProperty("$ref").GetString());
        foreach (var status in new[] { "201", "400", "403", "409", "415" })
            Assert.True(post.GetProperty("responses").TryGetProperty(status, out _), "POST /api/products lacks " + status);
    }

    [Fact]
    public async Task The_request_schema_carries_the_entitys_rules()
    {
        var request = (await DocumentAsync()).GetProperty("components").GetProperty("schemas").GetProperty("ProductRequest");

        Assert.Equal(["categoryId", "name", "price", "sku", "slug", "stock"],
            request.GetProperty("required").EnumerateArray().Select(r => r.GetString()!).Order(StringComparer.Ordinal));
        Assert.Equal(200, request.GetProperty("properties").GetProperty("name").GetProperty("maxLength").GetInt32());
        Assert.Equal(WebApp.Catalog.Slugs.Pattern, request.GetProperty("properties").GetProperty("slug").GetProperty("pattern").GetString());
        Assert.False(request.GetProperty("additionalProperties").GetBoolean());
    }

    [Fact]
    public async Task The_docs_page_shows_every_operation_and_schema_without_outside_scripts()
    {
        var document = await DocumentAsync();
        using var response = await factory.CreateClient().GetAsync("/api/docs");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        var page = await response.ReadHtmlAsync();
        var text = page.Body!.TextContent;
        foreach (var route in DocumentedRoutes(document))
        {
            var (method, path) = (route.Split(' ')[0], route.Split(' ')[1]);
            Assert.Contains(page.QuerySelectorAll("article h3"), heading => heading.TextContent.Contains(method) && heading.TextContent.Contains(path));
        }
        foreach (var schema in document.GetProperty("components").GetProperty("schemas").EnumerateObject())
            Assert.NotNull(page.QuerySelector($"#schema-{schema.Name}"));
        Assert.Contains("Authorization: Bearer", text);
        Assert.Contains("RequestVerificationToken", text);
        Assert.Contains("curl", text);
        foreach (var resource in page.QuerySelectorAll("script[src], link[href][rel=stylesheet]"))
            Assert.StartsWith("/", resource.GetAttribute("src") ?? resource.GetAttribute("href"));
    }

    [GeneratedRegex(":[^}]*}")]
    private static partial Regex RouteConstraint();
}
