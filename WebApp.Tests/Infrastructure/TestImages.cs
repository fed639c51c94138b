using SixLabors.ImageSharp;
using SixLabors.ImageSharp.Metadata.Profiles.Exif;
using SixLabors.ImageSharp.PixelFormats;

namespace WebApp.Tests.Infrastructure;

/// <summary>Real image files for upload tests, made in memory; <see cref="Secret"/> is written into their EXIF data.</summary>
public static class TestImages
{
    /// <summary>Text a camera might leave in a file (the photographer, here): an upload must not keep it.</summary>
    public const string Secret = "Photographer Jane Q. Secret";

    public static byte[] Png(int width, int height, bool withMetadata = false) => Encode(width, height, withMetadata, (image, stream) => image.SaveAsPng(stream));

    public static byte[] Jpeg(int width, int height, bool withMetadata = false) => Encode(width, height, withMetadata, (image, stream) => image.SaveAsJpeg(stream));

    /// <summary>The picture (width, height) stored in an image file, by decoding it, and whether it carries EXIF data.</summary>
    public static (int Width, int Height, bool HasExif, string Format) Inspect(byte[] file)
    {
        using var image = Image.Load(file, out var format);
        return (image.Width, image.Height, image.Metadata.ExifProfile is not null, format.Name);
    }

    private static byte[] Encode(int width, int height, bool withMetadata, Action<Image<Rgba32>, MemoryStream> save)
    {
        using var image = new Image<Rgba32>(width, height, new Rgba32(200, 90, 40));
        if (withMetadata)
        {
            image.Metadata.ExifProfile = new ExifProfile();
            image.Metadata.ExifProfile.SetValue(ExifTag.Artist, Secret);
            image.Metadata.ExifProfile.SetValue(ExifTag.Copyright, Secret);
        }
        using var stream = new MemoryStream();
        save(image, stream);
        return stream.ToArray();
    }
}
