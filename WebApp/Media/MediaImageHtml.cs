using System.Globalization;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Html;
using Microsoft.AspNetCore.Mvc.Rendering;
using WebApp.Site;

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
            var html = new HtmlWriter(writer, encoder);
            html.Raw("<img");
            if (image is null)
            {
                // The placeholder says nothing the product's name beside it does not: empty alt text, so it is skipped.
                html.Attribute("class", cssClass is null ? "media-placeholder" : cssClass + " media-placeholder");
                html.Attribute("src", PlaceholderUrl);
                html.Attribute("width", width);
                html.Attribute("height", width * 3 / 4);
                html.Attribute("alt", "");
            }
            else
            {
                html.Attribute("class", cssClass);
                html.Attribute("src", image.Url(width));
                html.Raw(" srcset=\"");
                var first = true;
                foreach (var stored in ImageSizes.For(image.Width))
                {
                    if (!first) html.Raw(", ");
                    html.Text(MediaSetup.UrlOf(ImageSizes.Key(image.Key, stored)));
                    html.Raw(' ');
                    html.Text(stored);
                    html.Raw('w');
                    first = false;
                }
                html.Raw('"');
                html.Attribute("sizes", sizes ?? width.ToString(CultureInfo.InvariantCulture) + "px");
                html.Attribute("width", width);
                html.Attribute("height", image.HeightAt(width));
                html.Attribute("alt", image.AltText);
            }
            if (lazy) html.Raw(" loading=\"lazy\"");
            html.Raw(" decoding=\"async\" />");
        }
    }
}
