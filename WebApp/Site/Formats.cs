using System.Globalization;

namespace WebApp.Site;

/// <summary>
/// The one way the site writes dates and counts, in pages, emails and the account pages: "30 Nov 2026, 14:05 UTC",
/// "30 Nov 2026", "9,000 products". Times are stored in UTC and shown as UTC, so nobody has to guess the zone.
/// Month names and digit grouping follow the request's culture (Site:Culture), like <see cref="Money"/>.
/// </summary>
public static class Formats
{
    public static string Timestamp(DateTime utc) =>
        utc.ToString("d MMM yyyy, HH:mm", CultureInfo.CurrentCulture) + " UTC";

    public static string Day(DateTime utc) => utc.ToString("d MMM yyyy", CultureInfo.CurrentCulture);

    /// <summary>The machine-readable form for a &lt;time datetime="..."&gt; attribute.</summary>
    public static string Iso(DateTime utc) => utc.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    /// <summary>The machine-readable form of a day shown with <see cref="Day"/>.</summary>
    public static string IsoDay(DateTime utc) => utc.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>"1 product", "9,000 products": a count with its grouped digits and the noun in the right number.</summary>
    public static string Count(long count, string singular, string? plural = null) =>
        $"{count.ToString("N0", CultureInfo.CurrentCulture)} {(count == 1 ? singular : plural ?? singular + "s")}";
}
