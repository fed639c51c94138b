using System.ComponentModel.DataAnnotations;
using System.Globalization;
using System.Reflection;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;
using WebApp.Accounts.Permissions;
using WebApp.Api.Security;

namespace WebApp.Api;

/// <summary>The OpenAPI document at <c>/openapi/v1.json</c>: the /api endpoints only, with the bearer scheme.</summary>
internal static class ApiOpenApi
{
    public const string DocumentName = "v1";
    public const string DocumentPath = "/openapi/{documentName}.json";
    public const string BearerSchemeName = "Bearer";

    public static void AddApiOpenApi(this IServiceCollection services)
    {
        services.AddOpenApi(DocumentName, options =>
        {
            options.ShouldInclude = description => description.RelativePath?.StartsWith("api/", StringComparison.Ordinal) == true;
            options.AddDocumentTransformer((document, _, _) =>
            {
                document.Info = new OpenApiInfo
                {
                    Title = "WebApp API",
                    Version = DocumentName,
                    Description = "The shop's catalog and your orders as JSON. Errors are RFC 9457 problem details. "
                        + "Authenticate with a personal API token (Authorization: Bearer …) or, from the site's own pages, the session cookie.",
                };
                document.Components ??= new OpenApiComponents();
                document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
                document.Components.SecuritySchemes[BearerSchemeName] = new OpenApiSecurityScheme
                {
                    Type = SecuritySchemeType.Http,
                    Scheme = "bearer",
                    BearerFormat = "webapp personal API token",
                    Description = "A personal API token made on the account page \"API tokens\" (/Identity/Account/Manage/ApiTokens).",
                };
                return Task.CompletedTask;
            });
            options.AddSchemaTransformer(EntityRulesSchemaTransformer.TransformAsync);
            options.AddOperationTransformer((operation, context, _) =>
            {
                var required = RequiredPermissions(context.Description.ActionDescriptor.EndpointMetadata, out var signInRequired);
                var bearer = new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(BearerSchemeName, context.Document)] = [] };
                // Public endpoints take a token too (it may show more); the empty requirement says anonymous calls are fine.
                operation.Security = signInRequired ? [bearer] : [new OpenApiSecurityRequirement(), bearer];
                if (required.Count > 0)
                {
                    var needs = $"Needs the permission {string.Join(" and ", required.Select(p => $"`{p}`"))}.";
                    operation.Description = string.IsNullOrEmpty(operation.Description) ? needs : $"{operation.Description} {needs}";
                }
                return Task.CompletedTask;
            });
        });
    }

    /// <summary>The permission policies on an endpoint, and whether it needs a signed-in caller at all.</summary>
    internal static IReadOnlyList<string> RequiredPermissions(IEnumerable<object> endpointMetadata, out bool signInRequired)
    {
        var authorize = endpointMetadata.OfType<IAuthorizeData>().Where(a => a.Policy != ApiPolicies.Caller).ToList();
        signInRequired = authorize.Count > 0;
        return authorize.Select(a => a.Policy).OfType<string>().Where(PermissionNames.IsPermissionName).Distinct().ToList();
    }
}

/// <summary>
/// Request types that borrow an entity's rules through <see cref="ModelMetadataTypeAttribute"/> get those rules in their
/// schema too (required, lengths, pattern, range, description), so the document says what validation will say.
/// </summary>
internal static class EntityRulesSchemaTransformer
{
    public static Task TransformAsync(OpenApiSchema schema, OpenApiSchemaTransformerContext context, CancellationToken cancellationToken)
    {
        var type = context.JsonTypeInfo.Type;
        if (context.JsonPropertyInfo is not null || type.GetCustomAttribute<ModelMetadataTypeAttribute>() is not { } metadataType || schema.Properties is null)
            return Task.CompletedTask;

        foreach (var jsonProperty in context.JsonTypeInfo.Properties)
        {
            if (jsonProperty.AttributeProvider is not PropertyInfo property
                || metadataType.MetadataType.GetProperty(property.Name) is not { } rules
                || !schema.Properties.TryGetValue(jsonProperty.Name, out var propertySchema)
                || propertySchema is not OpenApiSchema target)
                continue;
            foreach (var rule in rules.GetCustomAttributes<ValidationAttribute>())
            {
                switch (rule)
                {
                    case RequiredAttribute:
                        schema.Required ??= new HashSet<string>();
                        schema.Required.Add(jsonProperty.Name);
                        break;
                    case StringLengthAttribute length:
                        target.MaxLength = length.MaximumLength;
                        if (length.MinimumLength > 0) target.MinLength = length.MinimumLength;
                        break;
                    case RegularExpressionAttribute pattern:
                        target.Pattern = pattern.Pattern;
                        break;
                    case RangeAttribute range:
                        target.Minimum = Convert.ToString(range.Minimum, CultureInfo.InvariantCulture);
                        target.Maximum = Convert.ToString(range.Maximum, CultureInfo.InvariantCulture);
                        break;
                }
            }
            if (target.Description is null && rules.GetCustomAttribute<System.ComponentModel.DataAnnotations.DisplayAttribute>()?.GetDescription() is { } description)
                target.Description = description;
        }
        return Task.CompletedTask;
    }
}
