using System.Text.RegularExpressions;

namespace WebApp.Admin;

/// <summary>Splits a search on whitespace, keeping "double" or 'single' quoted phrases whole (Django's smart_split).</summary>
internal static partial class SearchTerms
{
    public static IReadOnlyList<string> Split(string? query)
    {
        if (string.IsNullOrWhiteSpace(query)) return [];
        var terms = new List<string>();
        foreach (Match match in Term().Matches(query))
        {
            var term = match.Groups["double"].Success ? match.Groups["double"].Value
                : match.Groups["single"].Success ? match.Groups["single"].Value
                : match.Groups["bare"].Value;
            if (term.Length > 0) terms.Add(term);
        }
        return terms;
    }

    /// <summary>Makes %, _ and the escape character itself literal in a LIKE pattern that uses '\' as ESCAPE.</summary>
    public static string EscapeLike(string text) =>
        text.Replace(@"\", @"\\").Replace("%", @"\%").Replace("_", @"\_");

    [GeneratedRegex("\"(?<double>[^\"]*)\"|'(?<single>[^']*)'|(?<bare>\\S+)")]
    private static partial Regex Term();
}
