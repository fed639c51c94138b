using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace WebApp.Catalog;

/// <summary>URL slugs: lower-case ASCII letters, digits and single hyphens.</summary>
public static partial class Slugs
{
    public const string Pattern = "^[a-z0-9]+(?:-[a-z0-9]+)*$";
    public const string ErrorMessage = "Use lower-case letters, digits and hyphens only (for example \"red-shoes\").";

    public static string From(string text)
    {
        var decomposed = text.Normalize(NormalizationForm.FormD);
        var ascii = new StringBuilder(decomposed.Length);
        foreach (var c in decomposed)
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) != UnicodeCategory.NonSpacingMark)
                ascii.Append(char.ToLowerInvariant(c));
        }
        return NonAlphanumericRun().Replace(ascii.ToString(), "-").Trim('-');
    }

    [GeneratedRegex("[^a-z0-9]+")]
    private static partial Regex NonAlphanumericRun();
}
