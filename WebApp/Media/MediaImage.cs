using System.Globalization;

namespace WebApp.Media;

/// <summary>A stored image as pages show it: its key, largest stored size and alt text.</summary>
public sealed record MediaImage(string Key, int Width, int Height, string AltText)
{
    /// <summary>
    /// The image read as one column, "key width height alt text" (the alt text last, as it may hold spaces), or null for
    /// null: how lists read their rows' pictures in one subquery.
    /// </summary>
    public static MediaImage? FromColumns(string? columns)
    {
        if (columns is null) return null;
        var parts = columns.Split(' ', 4);
        return new MediaImage(parts[0], int.Parse(parts[1], CultureInfo.InvariantCulture), int.Parse(parts[2], CultureInfo.InvariantCulture),
            parts.Length > 3 ? parts[3] : "");
    }

    /// <summary>The address of the smallest stored size at least <paramref name="width"/> wide (or the largest).</summary>
    public string Url(int width) => MediaSetup.UrlOf(ImageSizes.Key(Key, StoredWidth(width)));

    /// <summary>The height at <paramref name="width"/>, keeping the image's proportions.</summary>
    public int HeightAt(int width) => Width == 0 ? width : Math.Max(1, (int)Math.Round((double)Height * width / Width));

    private int StoredWidth(int width)
    {
        foreach (var stored in ImageSizes.For(Width))
            if (stored >= width) return stored;
        return Math.Min(Width, ImageSizes.Largest);
    }
}
