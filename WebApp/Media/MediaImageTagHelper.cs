using System.Globalization;
using Microsoft.AspNetCore.Mvc.TagHelpers;
using Microsoft.AspNetCore.Razor.TagHelpers;

namespace WebApp.Media;

/// <summary>
/// <c>&lt;media-image image="…" width="160" sizes="…" /&gt;</c>: an img with every stored size in srcset, width and
/// height (so the page does not move when it loads), the alt text, and lazy loading unless <c>lazy="false"</c> (the first
/// picture a visitor sees). Without an image, a neutral placeholder of the same shape with empty alt text.
/// </summary>
[HtmlTargetElement("media-image", TagStructure = TagStructure.WithoutEndTag)]
public sealed class MediaImageTagHelper : TagHelper
{
    public const string PlaceholderUrl = "/images/no-image.svg";

    public MediaImage? Image { get; set; }

    /// <summary>The width it is shown at, in CSS pixels (the src's size; height follows the image's proportions).</summary>
    public int Width { get; set; } = ImageSizes.Widths[0];

    /// <summary>The sizes attribute: how wide it is shown at each viewport width; the shown width by default.</summary>
    public string? Sizes { get; set; }

    public bool Lazy { get; set; } = true;

    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        output.TagName = "img";
        output.TagMode = TagMode.SelfClosing;
        var invariant = CultureInfo.InvariantCulture;
        if (Image is { } image)
        {
            output.Attributes.SetAttribute("src", image.Url(Width));
            output.Attributes.SetAttribute("srcset", image.SrcSet);
            output.Attributes.SetAttribute("sizes", Sizes ?? Width.ToString(invariant) + "px");
            output.Attributes.SetAttribute("width", Width.ToString(invariant));
            output.Attributes.SetAttribute("height", image.HeightAt(Width).ToString(invariant));
            output.Attributes.SetAttribute("alt", image.AltText);
        }
        else
        {
            // The placeholder says nothing the product's name beside it does not: empty alt text, so it is skipped.
            output.Attributes.SetAttribute("src", PlaceholderUrl);
            output.Attributes.SetAttribute("width", Width.ToString(invariant));
            output.Attributes.SetAttribute("height", (Width * 3 / 4).ToString(invariant));
            output.Attributes.SetAttribute("alt", "");
            output.AddClass("media-placeholder", System.Text.Encodings.Web.HtmlEncoder.Default);
        }
        if (Lazy) output.Attributes.SetAttribute("loading", "lazy");
        output.Attributes.SetAttribute("decoding", "async");
    }
}
