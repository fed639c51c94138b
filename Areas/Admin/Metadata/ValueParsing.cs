using System.ComponentModel;
using System.Globalization;

namespace WebApp.Admin.Metadata;

/// <summary>Turns URL and form strings into key values; never throws on user input.</summary>
internal static class ValueParsing
{
    public static object? TryParseKey(string? text, Type type)
    {
        if (string.IsNullOrEmpty(text)) return null;
        type = Nullable.GetUnderlyingType(type) ?? type;
        if (type == typeof(string)) return text;
        if (type == typeof(int)) return int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var i) ? i : null;
        if (type == typeof(long)) return long.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var l) ? l : null;
        if (type == typeof(short)) return short.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var s) ? s : null;
        if (type == typeof(Guid)) return Guid.TryParse(text, out var g) ? g : null;
        try
        {
            return TypeDescriptor.GetConverter(type).ConvertFromInvariantString(text);
        }
        catch (Exception e) when (e is FormatException or NotSupportedException or ArgumentException)
        {
            return null;
        }
    }

    public static string FormatKey(object key) => Convert.ToString(key, CultureInfo.InvariantCulture) ?? "";
}
