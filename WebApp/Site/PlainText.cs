namespace WebApp.Site;

/// <summary>Plain text typed by people, split so that a view can keep its paragraphs and line breaks (Razor escapes each line).</summary>
internal static class PlainText
{
    /// <summary>Paragraphs (separated by blank lines), each a list of lines.</summary>
    public static IReadOnlyList<IReadOnlyList<string>> Paragraphs(string? text)
    {
        if (string.IsNullOrWhiteSpace(text)) return [];
        var lines = text.ReplaceLineEndings("\n").Split('\n');
        var paragraphs = new List<IReadOnlyList<string>>();
        var current = new List<string>();
        foreach (var line in lines)
        {
            if (string.IsNullOrWhiteSpace(line))
            {
                if (current.Count > 0) paragraphs.Add(current);
                current = [];
            }
            else
            {
                current.Add(line.TrimEnd());
            }
        }
        if (current.Count > 0) paragraphs.Add(current);
        return paragraphs;
    }
}
