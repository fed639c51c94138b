using System.Text.RegularExpressions;

namespace WebApp.Admin;

/// <summary>Splits a search on whitespace, keeping "double" or 'single' quoted phrases whole (Django's smart_split).</summary>
internal static partial class SearchTerms
{
    /// <summary>More terms than this are ignored: each adds a condition, and databases cap a query's size.</summary>
    public const int MaxTerms = 20;

    /// <summary>Text past this is ignored, as on the shop's search: SQLite refuses LIKE patterns over 50,000 bytes.</summary>
    public const int MaxLength = 200;

    public static IReadOnlyList<string> Split(string? query)
    {
        if (string.IsNullOrWhiteSpace(query)) return [];
        if (query.Length > MaxLength) query = query[..MaxLength];
        var terms = new List<string>();
        foreach (Match match in Term().Matches(query))
        {
            var term = match.Groups["double"].Success ? match.Groups["double"].Value
                : match.Groups["single"].Success ? match.Groups["single"].Value
                : match.Groups["bare"].Value;
            if (term.Length > 0) terms.Add(term);
            if (terms.Count == MaxTerms) break;
        }
        return terms;
    }

    [GeneratedRegex("\"(?<double>[^\"]*)\"|'(?<single>[^']*)'|(?<bare>\\S+)")]
    private static partial Regex Term();
}
