using System.ComponentModel.DataAnnotations;
using System.Globalization;
using System.Reflection;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.Extensions.Primitives;
using WebApp.Admin.Metadata;

namespace WebApp.Admin;

/// <summary>Form text to and from property values: what an input shows, and what a posted string means.</summary>
internal static class FormValues
{
    /// <summary>The value as the HTML input expects it (invariant numbers, ISO dates).</summary>
    public static string? FormatInput(object? value) => value switch
    {
        null => null,
        bool b => b ? "true" : "false",
        DateTime d => d.ToString("yyyy-MM-dd'T'HH:mm:ss", CultureInfo.InvariantCulture),
        DateTimeOffset d => d.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss", CultureInfo.InvariantCulture),
        DateOnly d => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        TimeOnly t => t.ToString("HH:mm:ss", CultureInfo.InvariantCulture),
        TimeSpan t => t.ToString(@"hh\:mm\:ss", CultureInfo.InvariantCulture),
        Enum e => e.ToString(),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString(),
    };

    public static bool IsTicked(StringValues posted) => posted.Any(v => v is "true" or "on" or "1");

    /// <summary>A posted field as the form reads it: a checkbox is "true" or "false", any other input its last value, trimmed.</summary>
    public static string? PostedValue(FormFieldViewModel view, StringValues posted) =>
        view.Widget == WidgetKind.Checkbox ? (IsTicked(posted) ? "true" : "false") : posted.LastOrDefault()?.Trim();

    public static void MarkSelected(FormFieldViewModel view, string? value)
    {
        if (view.Options.Count > 0 && view.Widget != WidgetKind.ManyToMany)
            view.Options = view.Options.Select(o => o with { Selected = o.Value == value }).ToList();
    }

    /// <summary>Form text to the property's type; a failure becomes a field error, never an exception.</summary>
    public static bool TryConvert(ModelPath path, FormFieldViewModel view, out object? value)
    {
        value = null;
        var property = (IProperty)path.Target;
        var type = Nullable.GetUnderlyingType(property.ClrType) ?? property.ClrType;
        var text = view.Value;
        if (string.IsNullOrEmpty(text))
        {
            var required = !property.IsNullable || path.Annotations.Required;
            if (!required) return true;
            view.Errors.Add("This field is required.");
            return false;
        }
        var invariant = CultureInfo.InvariantCulture;
        bool ok;
        (ok, value, var error) = type switch
        {
            _ when type == typeof(string) => (true, text, null),
            _ when type == typeof(bool) => text switch { "true" => (true, true, null), "false" => (true, false, null), _ => (false, null, "Select a valid choice.") },
            _ when type == typeof(int) => int.TryParse(text, NumberStyles.Integer, invariant, out var i) ? (true, i, null) : (false, (object?)null, "Enter a whole number."),
            _ when type == typeof(long) => long.TryParse(text, NumberStyles.Integer, invariant, out var l) ? (true, l, null) : (false, null, "Enter a whole number."),
            _ when type == typeof(short) => short.TryParse(text, NumberStyles.Integer, invariant, out var s) ? (true, s, null) : (false, null, "Enter a whole number."),
            _ when type == typeof(decimal) => decimal.TryParse(text, NumberStyles.Number, invariant, out var m) ? (true, m, null) : (false, null, "Enter a number."),
            _ when type == typeof(double) => double.TryParse(text, NumberStyles.Float, invariant, out var d) ? (true, d, null) : (false, null, "Enter a number."),
            _ when type == typeof(DateTime) => DateTime.TryParse(text, invariant, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out var dt)
                ? (true, DateTime.SpecifyKind(dt, DateTimeKind.Utc), null) : (false, null, "Enter a valid date and time."),
            _ when type == typeof(DateOnly) => DateOnly.TryParseExact(text, "yyyy-MM-dd", invariant, DateTimeStyles.None, out var date) ? (true, date, null) : (false, null, "Enter a valid date."),
            _ when type == typeof(TimeOnly) => TimeOnly.TryParse(text, invariant, out var time) ? (true, time, null) : (false, null, "Enter a valid time."),
            _ when type.IsEnum => Enum.GetNames(type).Contains(text, StringComparer.Ordinal)
                ? (true, Enum.Parse(type, text), null) : (false, null, $"Select a valid choice. {text} is not one of the available choices."),
            _ => ValueParsing.TryParseKey(text, type) is { } parsed ? (true, parsed, null) : (false, null, "Enter a valid value."),
        };
        if (!ok) view.Errors.Add(error!);
        return ok;
    }
}
