using System.Globalization;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Html;
using Microsoft.AspNetCore.Mvc.Rendering;

namespace WebApp.Media;

/// <summary>
/// <c>@Html.MediaImage(image, width: 160)</c>: an img with every stored size in srcset, width and height (so the page does
/// not move when it loads), the alt text, and lazy loading unless <c>lazy: false</c> (the first picture a visitor sees).
/// Without an image, a neutral placeholder of the same shape with empty alt text. An HTML helper rather than a tag helper:
/// a list page shows 24 and it writes straight to the response.
/// </summary>
public static class MediaImageHtml
{
    public const string PlaceholderUrl = "/images/no-image.svg";

    /// <param name="width">The width it is shown at, in CSS pixels (the src's size; height follows the image's proportions).</param>
    /// <param name="sizes">The sizes attribute: how wide it is shown at each viewport width; the shown width by default.</param>
    public static IHtmlContent MediaImage(
        this IHtmlHelper html, MediaImage? image, int width = 160, string? cssClass = null, string? sizes = null, bool lazy = true) =>
        new Element(image, width, cssClass, sizes, lazy);

    private sealed class Element(MediaImage? image, int width, string? cssClass, string? sizes, bool lazy) : IHtmlContent
    {
        public void WriteTo(TextWriter writer, HtmlEncoder encoder)
        {
            writer.Write("<img");
            if (image is null)
            {
                // The placeholder says nothing the product's name beside it does not: empty alt text, so it is skipped.
                Attribute(writer, encoder, "class", cssClass is null ? "media-placeholder" : cssClass + " media-placeholder");
                Attribute(writer, encoder, "src", PlaceholderUrl);
                Attribute(writer, encoder, "width", width);
                Attribute(writer, encoder, "height", width * 3 / 4);
                Attribute(writer, encoder, "alt", "");
            }
            else
            {
                if (cssClass is not null) Attribute(writer, encoder, "class", cssClass);
                Attribute(writer, encoder, "src", image.Url(width));
                writer.Write(" srcset=\"");
                var first = true;
                foreach (var stored in ImageSizes.For(image.Width))
                {
                    if (!first) writer.Write(", ");
                    encoder.Encode(writer, MediaSetup.UrlOf(ImageSizes.Key(image.Key, stored)));
                    writer.Write(' ');
                    writer.Write(Number(stored));
                    writer.Write('w');
                    first = false;
                }
                writer.Write('"');
                Attribute(writer, encoder, "sizes", sizes ?? Number(width) + "px");
                Attribute(writer, encoder, "width", width);
                Attribute(writer, encoder, "height", image.HeightAt(width));
                Attribute(writer, encoder, "alt", image.AltText);
            }
            if (lazy) writer.Write(" loading=\"lazy\"");
            writer.Write(" decoding=\"async\" />");
        }

        private static string Number(int value) => value.ToString(CultureInfo.InvariantCulture);

        private static void Attribute(TextWriter writer, HtmlEncoder encoder, string name, string value)
        {
            writer.Write(' ');
            writer.Write(name);
            writer.Write("=\"");
            encoder.Encode(writer, value);
            writer.Write('"');
        }

        private static void Attribute(TextWriter writer, HtmlEncoder encoder, string name, int value) =>
            Attribute(writer, encoder, name, Number(value));
    }
}
