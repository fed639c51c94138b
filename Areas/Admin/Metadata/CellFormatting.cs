using System.ComponentModel.DataAnnotations;
using System.Globalization;
using System.Reflection;

namespace WebApp.Admin.Metadata;

/// <summary>Display text for a value in the current culture; empty values show as "-". Razor escapes the result.</summary>
internal static class CellFormatting
{
    public const string Empty = "-";

    public static string Format(object? value, ModelPath? path)
    {
        var culture = CultureInfo.CurrentCulture;
        return value switch
        {
            null => Empty,
            string s => string.IsNullOrWhiteSpace(s) ? Empty : s,
            bool b => b ? "Yes" : "No",
            DateTime d => d.ToString(d.TimeOfDay == TimeSpan.Zero && IsDateOnly(path) ? "d" : "g", culture),
            DateOnly d => d.ToString("d", culture),
            TimeOnly t => t.ToString("t", culture),
            DateTimeOffset d => d.ToString("g", culture),
            decimal m => m.ToString("N2", culture),
            double or float => ((IFormattable)value).ToString("N2", culture),
            Enum e => DisplayNames.ForEnumValue(e),
            IFormattable f => f.ToString(null, culture),
            _ => value.ToString() is { Length: > 0 } text ? text : Empty,
        };
    }

    private static bool IsDateOnly(ModelPath? path) =>
        path?.Target.PropertyInfo?.GetCustomAttribute<DataTypeAttribute>()?.DataType == DataType.Date;
}
