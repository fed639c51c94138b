using System.Globalization;
using WebApp.Admin.Metadata;

namespace WebApp.Admin;

/// <summary>
/// A cell of the CSV export: values a spreadsheet reads back unchanged (invariant numbers, ISO dates in UTC), not the
/// page's culture-formatted text. Empty values are empty.
/// </summary>
internal static class CsvFormatting
{
    public static string Format(object? value) => value switch
    {
        null => "",
        string s => s,
        bool b => b ? "Yes" : "No",
        DateTime d => d.ToString(d.TimeOfDay == TimeSpan.Zero ? "yyyy-MM-dd" : "yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture),
        DateTimeOffset d => d.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture),
        DateOnly d => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        TimeOnly t => t.ToString("HH:mm:ss", CultureInfo.InvariantCulture),
        decimal m => m.ToString("0.00##", CultureInfo.InvariantCulture),
        Enum e => DisplayNames.ForEnumValue(e),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "",
    };
}
