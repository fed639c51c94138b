using System.Reflection;
using Microsoft.AspNetCore.Mvc.Filters;

namespace WebApp.Site;

/// <summary>
/// A checkbox posted with a value that is not a boolean (<c>RememberMe=x</c>) already fails model binding with a message;
/// but re-rendering the form would make the checkbox tag helper parse that raw value again and throw (a 500). For such
/// fields only, the raw value is forgotten, so the page shows the box unticked beside the validation message.
/// </summary>
internal sealed class UnparsableCheckboxFilter : IPageFilter
{
    public void OnPageHandlerSelected(PageHandlerSelectedContext context)
    {
    }

    public void OnPageHandlerExecuting(PageHandlerExecutingContext context)
    {
        var state = context.ModelState;
        if (state.IsValid) return;
        var unparsable = state
            .Where(entry => entry.Value is { Errors.Count: > 0, RawValue: not null } value
                            && !IsBooleanText(value.AttemptedValue) && IsBooleanField(context, entry.Key))
            .Select(entry => entry.Key)
            .ToList();
        foreach (var key in unparsable) state.SetModelValue(key, rawValue: null, attemptedValue: null);
    }

    public void OnPageHandlerExecuted(PageHandlerExecutedContext context)
    {
    }

    private static bool IsBooleanText(string? value)
    {
        // A ticked box posts "true,false" (the box and its hidden companion).
        var first = value?.Split(',')[0];
        return bool.TryParse(first, out _);
    }

    /// <summary>Follows a model-state key such as <c>Input.RememberMe</c> through the page's bound properties.</summary>
    private static bool IsBooleanField(PageHandlerExecutingContext context, string key)
    {
        var segments = key.Split('.');
        var root = segments[0];
        var type = context.ActionDescriptor.BoundProperties
                       .FirstOrDefault(p => string.Equals(p.Name, root, StringComparison.OrdinalIgnoreCase))?.ParameterType
                   ?? context.HandlerMethod?.Parameters
                       .FirstOrDefault(p => string.Equals(p.Name, root, StringComparison.OrdinalIgnoreCase))?.ParameterType;
        foreach (var segment in segments.Skip(1))
        {
            if (type is null || segment.Contains('[', StringComparison.Ordinal)) return false;
            type = type.GetProperty(segment, BindingFlags.Public | BindingFlags.Instance | BindingFlags.IgnoreCase)?.PropertyType;
        }
        return type == typeof(bool) || type == typeof(bool?);
    }
}
