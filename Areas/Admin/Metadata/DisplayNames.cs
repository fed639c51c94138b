using System.Collections.Concurrent;
using System.ComponentModel.DataAnnotations;
using System.Reflection;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore.Metadata;

namespace WebApp.Admin.Metadata;

/// <summary>Human names from [Display] or, failing that, from the C# name ("ShippingCity" → "Shipping city").</summary>
internal static partial class DisplayNames
{
    public static string For(IReadOnlyPropertyBase property) =>
        property.PropertyInfo is { } info ? For(info) : Humanize(property.Name);

    // Per member, once: changelists name filters and enum cells on every request, and reading attributes showed in profiles.
    private static readonly ConcurrentDictionary<MemberInfo, string> Names = new();

    public static string For(MemberInfo member) =>
        Names.GetOrAdd(member, m => m.GetCustomAttribute<DisplayAttribute>()?.GetName() is { Length: > 0 } name ? name : Humanize(m.Name));

    /// <summary>An app label as a heading: "catalog" → "Catalog".</summary>
    public static string AppName(string appLabel) => Capitalize(Humanize(appLabel.Replace('_', ' ')));

    /// <summary>"order line" → "Order line", for names at the start of a sentence or heading.</summary>
    public static string Capitalize(string text) => text.Length == 0 ? text : char.ToUpperInvariant(text[0]) + text[1..];

    public static string ForEnumValue(object value)
    {
        var member = value.GetType().GetField(value.ToString()!);
        return member is null ? value.ToString()! : For(member);
    }

    /// <summary>"IsActive" → "Is active", "OrderLine" → "Order line"; acronyms keep their case.</summary>
    public static string Humanize(string name)
    {
        var words = WordBoundary().Split(name).Where(w => w.Length > 0).ToList();
        if (words.Count == 0) return name;
        for (var i = 0; i < words.Count; i++)
        {
            if (words[i] == "Id") words[i] = "ID";
            else if (i > 0 && !(words[i].Length > 1 && words[i].All(char.IsUpper))) words[i] = words[i].ToLowerInvariant();
        }
        return string.Join(' ', words);
    }

    [GeneratedRegex("(?<=[a-z0-9])(?=[A-Z])|(?<=[A-Z])(?=[A-Z][a-z])")]
    private static partial Regex WordBoundary();
}
