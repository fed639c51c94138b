using System.Globalization;
using System.Text.Json;

namespace WebApp.Api.Docs;

/// <summary>The docs page's view of the OpenAPI document: operations grouped by tag, then the schemas they use.</summary>
internal sealed record ApiDocsPage(
    string Title,
    string? Description,
    string BaseUrl,
    string DocumentUrl,
    ApiRateLimitOptions RateLimits,
    IReadOnlyList<OperationGroup> Groups,
    IReadOnlyList<SchemaDoc> Schemas);

internal sealed record OperationGroup(string Tag, IReadOnlyList<OperationDoc> Operations);

internal sealed record OperationDoc(
    string Method,
    string Path,
    string Anchor,
    string? Summary,
    string? Description,
    bool SignInRequired,
    IReadOnlyList<ParameterDoc> Parameters,
    BodyDoc? RequestBody,
    IReadOnlyList<ResponseDoc> Responses);

internal sealed record ParameterDoc(string Name, string In, TypeDoc Type, bool Required, string? Description, IReadOnlyList<string> Rules);

internal sealed record BodyDoc(IReadOnlyList<string> ContentTypes, TypeDoc Type, bool Required);

internal sealed record ResponseDoc(string Status, string Description, string? ContentType, TypeDoc? Type);

internal sealed record SchemaDoc(string Name, string Anchor, string? Description, IReadOnlyList<string> EnumValues, IReadOnlyList<PropertyDoc> Properties, bool ClosedToOtherFields);

internal sealed record PropertyDoc(string Name, TypeDoc Type, bool Required, string? Description, IReadOnlyList<string> Rules);

/// <summary>A type as text ("integer (int32)", "array of"), linking to a schema when it names one.</summary>
internal sealed record TypeDoc(string Text, string? SchemaName, bool Nullable)
{
    public string? SchemaAnchor => SchemaName is null ? null : ApiDocsPageBuilder.SchemaAnchor(SchemaName);
}

/// <summary>Reads the OpenAPI document's JSON (the same text /openapi/v1.json serves) into an <see cref="ApiDocsPage"/>.</summary>
internal static class ApiDocsPageBuilder
{
    private static readonly string[] MethodOrder = ["get", "post", "put", "patch", "delete", "head", "options", "trace"];

    public static ApiDocsPage Build(string documentJson, string baseUrl, string documentUrl, ApiRateLimitOptions rateLimits)
    {
        using var json = JsonDocument.Parse(documentJson);
        var root = json.RootElement;
        var info = root.GetProperty("info");

        var operations = new List<(string Tag, OperationDoc Operation)>();
        if (root.TryGetProperty("paths", out var paths))
        {
            foreach (var path in paths.EnumerateObject())
            {
                foreach (var method in path.Value.EnumerateObject().Where(m => MethodOrder.Contains(m.Name)).OrderBy(m => Array.IndexOf(MethodOrder, m.Name)))
                {
                    var tag = method.Value.TryGetProperty("tags", out var tags) && tags.GetArrayLength() > 0 ? tags[0].GetString()! : "Other";
                    operations.Add((tag, Operation(path.Name, method.Name, method.Value)));
                }
            }
        }

        var schemas = new List<SchemaDoc>();
        if (root.TryGetProperty("components", out var components) && components.TryGetProperty("schemas", out var schemaElements))
        {
            foreach (var schema in schemaElements.EnumerateObject().OrderBy(s => s.Name, StringComparer.Ordinal))
                schemas.Add(Schema(schema.Name, schema.Value));
        }

        return new ApiDocsPage(
            String(info, "title") ?? "API",
            String(info, "description"),
            baseUrl,
            documentUrl,
            rateLimits,
            operations.GroupBy(o => o.Tag).OrderBy(g => g.Key, StringComparer.Ordinal)
                .Select(g => new OperationGroup(g.Key, g.Select(o => o.Operation).ToList())).ToList(),
            schemas);
    }

    public static string SchemaAnchor(string name) => "schema-" + name;

    private static OperationDoc Operation(string path, string method, JsonElement operation)
    {
        var parameters = new List<ParameterDoc>();
        if (operation.TryGetProperty("parameters", out var parameterElements))
        {
            foreach (var parameter in parameterElements.EnumerateArray())
            {
                var schema = parameter.TryGetProperty("schema", out var s) ? s : default;
                parameters.Add(new ParameterDoc(
                    String(parameter, "name") ?? "",
                    String(parameter, "in") ?? "",
                    TypeOf(schema),
                    parameter.TryGetProperty("required", out var required) && required.GetBoolean(),
                    String(parameter, "description"),
                    Rules(schema)));
            }
        }

        BodyDoc? body = null;
        if (operation.TryGetProperty("requestBody", out var requestBody) && requestBody.TryGetProperty("content", out var bodyContent))
        {
            var media = bodyContent.EnumerateObject().ToList();
            body = new BodyDoc(
                media.Select(m => m.Name).ToList(),
                media.Count > 0 && media[0].Value.TryGetProperty("schema", out var bodySchema) ? TypeOf(bodySchema) : new TypeDoc("any", null, false),
                requestBody.TryGetProperty("required", out var bodyRequired) && bodyRequired.GetBoolean());
        }

        var responses = new List<ResponseDoc>();
        if (operation.TryGetProperty("responses", out var responseElements))
        {
            foreach (var response in responseElements.EnumerateObject().OrderBy(r => r.Name, StringComparer.Ordinal))
            {
                JsonProperty? media = response.Value.TryGetProperty("content", out var content) ? content.EnumerateObject().FirstOrDefault() : null;
                var type = media is { } m && m.Value.ValueKind == JsonValueKind.Object && m.Value.TryGetProperty("schema", out var responseSchema)
                    ? TypeOf(responseSchema) : null;
                responses.Add(new ResponseDoc(response.Name, String(response.Value, "description") ?? "", media?.Name, type));
            }
        }

        // An empty requirement ({}) among the alternatives means anonymous callers are welcome.
        var signInRequired = operation.TryGetProperty("security", out var security)
            && security.EnumerateArray().All(requirement => requirement.EnumerateObject().Any());

        return new OperationDoc(method.ToUpperInvariant(), path, OperationAnchor(method, path), String(operation, "summary"),
            String(operation, "description"), signInRequired, parameters, body, responses);
    }

    private static string OperationAnchor(string method, string path) =>
        "op-" + method + "-" + string.Concat(path.Select(c => char.IsAsciiLetterOrDigit(c) ? char.ToLowerInvariant(c) : '-')).Trim('-');

    private static SchemaDoc Schema(string name, JsonElement schema)
    {
        var required = schema.TryGetProperty("required", out var requiredNames)
            ? requiredNames.EnumerateArray().Select(r => r.GetString()).ToHashSet(StringComparer.Ordinal)
            : [];
        var properties = new List<PropertyDoc>();
        if (schema.TryGetProperty("properties", out var propertyElements))
        {
            foreach (var property in propertyElements.EnumerateObject())
            {
                properties.Add(new PropertyDoc(property.Name, TypeOf(property.Value), required.Contains(property.Name),
                    String(property.Value, "description"), Rules(property.Value)));
            }
        }
        var closed = schema.TryGetProperty("additionalProperties", out var additional) && additional.ValueKind == JsonValueKind.False;
        return new SchemaDoc(name, SchemaAnchor(name), String(schema, "description"), EnumValues(schema), properties, closed);
    }

    private static TypeDoc TypeOf(JsonElement schema)
    {
        if (schema.ValueKind != JsonValueKind.Object) return new TypeDoc("any", null, false);
        if (String(schema, "$ref") is { } reference)
        {
            var name = reference[(reference.LastIndexOf('/') + 1)..];
            return new TypeDoc(name, name, false);
        }
        var types = new List<string>();
        if (schema.TryGetProperty("type", out var type))
        {
            if (type.ValueKind == JsonValueKind.Array) types.AddRange(type.EnumerateArray().Select(t => t.GetString()!));
            else if (type.GetString() is { } single) types.Add(single);
        }
        var nullable = types.Remove("null");
        if (types.Contains("array") && schema.TryGetProperty("items", out var items))
        {
            var item = TypeOf(items);
            return new TypeDoc("array of " + item.Text, item.SchemaName, nullable);
        }
        if (types.Contains("object") && schema.TryGetProperty("additionalProperties", out var values) && values.ValueKind == JsonValueKind.Object)
        {
            var value = TypeOf(values);
            return new TypeDoc("object of " + value.Text, value.SchemaName, nullable);
        }
        var text = types.Count == 0 ? (EnumValues(schema).Count > 0 ? "string" : "any") : string.Join(" or ", types);
        if (String(schema, "format") is { } format) text += $" ({format})";
        return new TypeDoc(text, null, nullable);
    }

    private static IReadOnlyList<string> Rules(JsonElement schema)
    {
        var rules = new List<string>();
        if (schema.ValueKind != JsonValueKind.Object) return rules;
        if (Number(schema, "minLength") is { } minLength && minLength != "0") rules.Add($"at least {minLength} characters");
        if (Number(schema, "maxLength") is { } maxLength) rules.Add($"at most {maxLength} characters");
        if (Number(schema, "minimum") is { } minimum) rules.Add($"minimum {minimum}");
        if (Number(schema, "maximum") is { } maximum) rules.Add($"maximum {maximum}");
        if (String(schema, "pattern") is { } pattern) rules.Add($"matches {pattern}");
        if (schema.TryGetProperty("default", out var defaultValue)) rules.Add($"default {defaultValue.GetRawText()}");
        var values = EnumValues(schema);
        if (values.Count > 0) rules.Add("one of " + string.Join(", ", values));
        return rules;
    }

    private static IReadOnlyList<string> EnumValues(JsonElement schema) =>
        schema.ValueKind == JsonValueKind.Object && schema.TryGetProperty("enum", out var values)
            ? values.EnumerateArray().Select(v => v.ValueKind == JsonValueKind.String ? v.GetString()! : v.GetRawText()).ToList()
            : [];

    private static string? String(JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String
            ? value.GetString()
            : null;

    private static string? Number(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Number
            ? value.GetDecimal().ToString(CultureInfo.InvariantCulture)
            : null;
}
