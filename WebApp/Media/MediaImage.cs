using System.Globalization;

namespace WebApp.Media;

/// <summary>A stored image as pages show it: its key, largest stored size and alt text.</summary>
public sealed record MediaImage(string Key, int Width, int Height, string AltText)
{
    /// <summary>The address of the smallest stored size at least <paramref name="width"/> wide (or the largest).</summary>
    public string Url(int width) => MediaSetup.UrlOf(ImageSizes.Key(Key, StoredWidth(width)));

    /// <summary>Every stored size, for the img element's srcset.</summary>
    public string SrcSet => string.Join(", ", ImageSizes.For(Width).Select(w =>
        string.Create(CultureInfo.InvariantCulture, $"{MediaSetup.UrlOf(ImageSizes.Key(Key, w))} {w}w")));

    /// <summary>The height at <paramref name="width"/>, keeping the image's proportions.</summary>
    public int HeightAt(int width) => Width == 0 ? width : Math.Max(1, (int)Math.Round((double)Height * width / Width));

    private int StoredWidth(int width) => ImageSizes.For(Width).FirstOrDefault(w => w >= width, Math.Min(Width, ImageSizes.Largest));
}
