using System.Globalization;
using System.Text.Encodings.Web;

namespace WebApp.Site;

/// <summary>
/// Markup written straight to a response, as Razor writes it: text and attribute values encoded, an attribute whose
/// value is null left out, a boolean attribute written bare when true. For HTML helpers that a page uses a hundred
/// times, where a tag helper or a component per use costs more than its markup.
/// </summary>
public readonly struct HtmlWriter(TextWriter writer, HtmlEncoder encoder)
{
    /// <summary>Markup, as it is: only ever a literal of the calling code.</summary>
    public void Raw(string markup) => writer.Write(markup);

    public void Raw(char markup) => writer.Write(markup);

    public void Text(string? text)
    {
        if (!string.IsNullOrEmpty(text)) encoder.Encode(writer, text);
    }

    public void Text(int number) => writer.Write(number.ToString(CultureInfo.InvariantCulture));

    /// <summary><c> name="value"</c>, or nothing when the value is null.</summary>
    public void Attribute(string name, string? value)
    {
        if (value is null) return;
        writer.Write(' ');
        writer.Write(name);
        writer.Write("=\"");
        encoder.Encode(writer, value);
        writer.Write('"');
    }

    public void Attribute(string name, int? value) => Attribute(name, value?.ToString(CultureInfo.InvariantCulture));

    /// <summary>A boolean attribute (<c> required</c>), or nothing when false.</summary>
    public void Flag(string name, bool on)
    {
        if (!on) return;
        writer.Write(' ');
        writer.Write(name);
    }

    /// <summary><c>&lt;a class="…" href="…"&gt;text&lt;/a&gt;</c>: a plain text link, its class left out when null.</summary>
    public void Link(string href, string text, string? cssClass = null)
    {
        writer.Write("<a");
        Attribute("class", cssClass);
        Attribute("href", href);
        writer.Write('>');
        Text(text);
        writer.Write("</a>");
    }

    /// <summary><c> class="…"</c> from the given classes, skipping null and empty ones.</summary>
    public void Classes(string first, string? second = null, string? third = null)
    {
        writer.Write(" class=\"");
        encoder.Encode(writer, first);
        foreach (var next in (ReadOnlySpan<string?>)[second, third])
        {
            if (string.IsNullOrEmpty(next)) continue;
            writer.Write(' ');
            encoder.Encode(writer, next);
        }
        writer.Write('"');
    }
}
