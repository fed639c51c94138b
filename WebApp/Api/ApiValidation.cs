using System.Reflection;
using System.Text.Json;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Abstractions;
using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace WebApp.Api;

/// <summary>
/// Turns model state into the API's validation problems: field names as the JSON and query string spell them
/// (<c>categoryId</c>, <c>pageSize</c>), and plain messages instead of the JSON reader's (which name .NET types).
/// </summary>
internal static class ApiValidation
{
    public const string BodyKey = "body";

    /// <summary><see cref="ApiBehaviorOptions.InvalidModelStateResponseFactory"/> for every API controller.</summary>
    public static IActionResult InvalidModelStateResponse(ActionContext context) =>
        Problem(context.HttpContext, Errors(context.ActionDescriptor, context.ModelState), StatusCodes.Status400BadRequest);

    /// <summary>A validation problem (400 by default, or e.g. 409 for a duplicate) with errors keyed by field.</summary>
    public static ObjectResult Problem(HttpContext http, IDictionary<string, string[]> errors, int statusCode, string? detail = null)
    {
        var factory = http.RequestServices.GetRequiredService<Microsoft.AspNetCore.Mvc.Infrastructure.ProblemDetailsFactory>();
        var problem = factory.CreateValidationProblemDetails(http, new ModelStateDictionary(), statusCode,
            detail: detail ?? (statusCode == StatusCodes.Status400BadRequest ? "See the errors for each field." : null));
        foreach (var (field, messages) in errors) problem.Errors[field] = messages;
        return new ObjectResult(problem) { StatusCode = statusCode, ContentTypes = { "application/problem+json" } };
    }

    private static Dictionary<string, string[]> Errors(ActionDescriptor action, ModelStateDictionary modelState)
    {
        var body = action.Parameters.FirstOrDefault(p => p.BindingInfo?.BindingSource == BindingSource.Body);
        var errors = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        foreach (var (key, entry) in modelState)
        {
            foreach (var error in entry.Errors)
            {
                var (field, message) = Describe(key, error, body);
                if (!errors.TryGetValue(field, out var messages)) errors[field] = messages = [];
                if (!messages.Contains(message)) messages.Add(message);
            }
        }
        // "The request field is required" comes with every unreadable body; alone, it means there was no body.
        if (body is not null && errors.Remove(CamelCasePath(body.Name)) && errors.Count == 0)
            errors[BodyKey] = ["A JSON request body is required."];
        return errors.ToDictionary(e => e.Key, e => e.Value.ToArray(), StringComparer.Ordinal);
    }

    private static (string Field, string Message) Describe(string key, ModelError error, ParameterDescriptor? body)
    {
        if (error.Exception is JsonException json)
        {
            // The reader's messages are not for clients (they name .NET types), but they say which kind of mistake it was.
            var field = JsonField(json.Path ?? key);
            if (field.Length > 0 && json.Message.Contains("could not be mapped", StringComparison.Ordinal))
                return (field, $"\"{field}\" is not a field of this request.");
            if (field.Length > 0 && json.Message.Contains("could not be converted", StringComparison.Ordinal))
                return (field, $"The value is not valid: expected {Expected(body?.ParameterType, field)}.");
            return (BodyKey, "The request body is not valid JSON, or not a JSON object.");
        }
        var message = string.IsNullOrEmpty(error.ErrorMessage) ? "The value is not valid." : error.ErrorMessage;
        if (key.Length == 0) return (BodyKey, message);
        return (key.StartsWith('$') ? JsonField(key) : CamelCasePath(key), message);
    }

    /// <summary><c>$.price</c> → <c>price</c>; <c>$['odd name']</c> stays readable.</summary>
    private static string JsonField(string path) => path.StartsWith("$.", StringComparison.Ordinal) ? path[2..] : path.TrimStart('$');

    /// <summary>Model state keys of body properties are C# names (<c>CategoryId</c>); clients see JSON names.</summary>
    private static string CamelCasePath(string key) =>
        string.Join('.', key.Split('.').Select(part => part.Length == 0 ? part : JsonNamingPolicy.CamelCase.ConvertName(part)));

    private static string Expected(Type? bodyType, string field)
    {
        var property = bodyType?.GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .FirstOrDefault(p => JsonNamingPolicy.CamelCase.ConvertName(p.Name) == field);
        var type = property is null ? null : Nullable.GetUnderlyingType(property.PropertyType) ?? property.PropertyType;
        return type switch
        {
            null => "a value of the right type",
            _ when type == typeof(decimal) || type == typeof(double) => "a number",
            _ when type == typeof(int) || type == typeof(long) => "a whole number",
            _ when type == typeof(bool) => "true or false",
            _ when type == typeof(string) => "a string",
            _ => "a value of the right type",
        };
    }
}
