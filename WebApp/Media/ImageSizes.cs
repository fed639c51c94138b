namespace WebApp.Media;

/// <summary>
/// The widths, in pixels, every stored image is kept in: the site's thumbnails (lists, the cart, mails) up to the product
/// page on a high-density screen. Smaller pictures are never enlarged: they are kept at the sizes below their own width
/// and at their own width.
/// </summary>
public static class ImageSizes
{
    public static IReadOnlyList<int> Widths { get; } = [160, 320, 640, 1280];

    public static int Largest => Widths[^1];

    /// <summary>The widths stored for an image whose largest stored width is <paramref name="width"/>.</summary>
    public static IEnumerable<int> For(int width)
    {
        foreach (var stored in Widths)
            if (stored < width) yield return stored;
        yield return Math.Min(width, Largest);
    }

    /// <summary>The media key of one size of the image <paramref name="imageKey"/>.</summary>
    public static string Key(string imageKey, int width) => $"{imageKey}-{width}.jpg";
}
