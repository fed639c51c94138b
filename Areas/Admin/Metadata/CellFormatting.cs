using System.ComponentModel.DataAnnotations;
using System.Globalization;
using WebApp.Site;

namespace WebApp.Admin.Metadata;

/// <summary>
/// Display text for a value in the current culture; empty values show as "-". Razor escapes the result.
/// Dates and money go through the site's own helpers so the admin and the shop show them alike.
/// </summary>
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
            DateTime d => d.TimeOfDay == TimeSpan.Zero && Is(path, DataType.Date) ? Formats.Day(d) : Formats.Timestamp(d),
            DateOnly d => Formats.Day(d.ToDateTime(TimeOnly.MinValue)),
            TimeOnly t => t.ToString("t", culture),
            DateTimeOffset d => Formats.Timestamp(d.UtcDateTime),
            decimal m => Is(path, DataType.Currency) ? Money.Format(m) : m.ToString("N2", culture),
            double or float => ((IFormattable)value).ToString("N2", culture),
            Enum e => DisplayNames.ForEnumValue(e),
            IFormattable f => f.ToString(null, culture),
            _ => value.ToString() is { Length: > 0 } text ? text : Empty,
        };
    }

    private static bool Is(ModelPath? path, DataType type) => path?.DataType == type;
}
