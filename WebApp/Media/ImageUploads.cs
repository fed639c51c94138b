using System.Globalization;
using System.Security.Cryptography;
using Microsoft.Extensions.Options;
using SixLabors.ImageSharp;
using SixLabors.ImageSharp.Formats.Gif;
using SixLabors.ImageSharp.Formats.Jpeg;
using SixLabors.ImageSharp.Formats.Png;
using SixLabors.ImageSharp.Formats.Webp;
using SixLabors.ImageSharp.PixelFormats;
using SixLabors.ImageSharp.Processing;

namespace WebApp.Media;

/// <summary>
/// Turns an uploaded file into stored images: the type is known by decoding the content (the name and the browser's
/// content type are not trusted), the byte and pixel limits are checked before decoding, and every size of
/// <see cref="ImageSizes"/> is re-encoded as JPEG without metadata (camera, place, author) into the media store.
/// A refused upload stores nothing.
/// </summary>
public sealed class ImageUploads(IMediaStore store, IOptions<MediaOptions> options)
{
    /// <summary>Only the web's picture formats are decoded: fewer decoders, less to attack.</summary>
    private static readonly Configuration Decoders = new(
        new JpegConfigurationModule(), new PngConfigurationModule(), new GifConfigurationModule(), new WebpConfigurationModule());

    private static readonly JpegEncoder Encoder = new() { Quality = 82 };

    public const string NotAnImage = "The file is not a picture the shop can use: upload a JPEG, PNG, GIF or WebP image.";

    public async Task<ImageUploadResult> StoreAsync(Stream upload, CancellationToken cancellationToken)
    {
        var limits = options.Value;
        var bytes = await ReadAtMostAsync(upload, limits.MaxUploadBytes, cancellationToken);
        if (bytes is null)
            return ImageUploadResult.Refused($"The file is larger than {Size(limits.MaxUploadBytes)}: upload a smaller picture.");

        Image<Rgba32> image;
        try
        {
            // Identify reads only the header: a small file claiming a huge size is refused before any pixel is decoded.
            var info = Image.Identify(Decoders, bytes, out _);
            if (info is null) return ImageUploadResult.Refused(NotAnImage);
            if ((long)info.Width * info.Height > limits.MaxPixels)
            {
                return ImageUploadResult.Refused(string.Create(CultureInfo.InvariantCulture,
                    $"The picture is {info.Width:N0} × {info.Height:N0} pixels; the most accepted is {limits.MaxPixels:N0} pixels in all. Make it smaller and upload it again."));
            }
            image = Image.Load<Rgba32>(Decoders, bytes);
        }
        catch (Exception exception) when (exception is ImageFormatException or NotSupportedException)
        {
            return ImageUploadResult.Refused(NotAnImage + " (This one is damaged or of another kind.)");
        }

        using (image)
        {
            return await StoreAsync(image, Convert.ToHexStringLower(SHA256.HashData(bytes), 0, 16), cancellationToken);
        }
    }

    /// <summary>Stores a picture made in memory (the demo catalog's), under a key made from <paramref name="contentHash"/>.</summary>
    public async Task<ImageUploadResult> StoreAsync(Image<Rgba32> image, string contentHash, CancellationToken cancellationToken)
    {
        // Only the first frame of an animation; turned as the camera said, then the camera's notes dropped.
        while (image.Frames.Count > 1) image.Frames.RemoveFrame(1);
        image.Mutate(x => x.AutoOrient());
        StripMetadata(image);

        var width = Math.Min(image.Width, ImageSizes.Largest);
        var height = Math.Max(1, (int)Math.Round((double)image.Height * width / image.Width));
        foreach (var size in ImageSizes.For(width))
        {
            using var resized = image.Clone(x =>
            {
                if (size != image.Width) x.Resize(size, Math.Max(1, (int)Math.Round((double)image.Height * size / image.Width)));
                x.BackgroundColor(Color.White); // JPEG has no transparency
            });
            StripMetadata(resized);
            using var encoded = new MemoryStream();
            await resized.SaveAsJpegAsync(encoded, Encoder, cancellationToken);
            encoded.Position = 0;
            await store.SaveAsync(ImageSizes.Key(contentHash, size), encoded, cancellationToken);
        }
        return new ImageUploadResult(contentHash, width, height, null);
    }

    /// <summary>Removes every stored size of an image.</summary>
    public async Task DeleteAsync(string key, int width, CancellationToken cancellationToken)
    {
        foreach (var size in ImageSizes.For(width))
            await store.DeleteAsync(ImageSizes.Key(key, size), cancellationToken);
    }

    private static void StripMetadata(Image image)
    {
        image.Metadata.ExifProfile = null;
        image.Metadata.IptcProfile = null;
        image.Metadata.XmpProfile = null;
        image.Metadata.IccProfile = null;
        foreach (var frame in image.Frames)
        {
            frame.Metadata.ExifProfile = null;
            frame.Metadata.IptcProfile = null;
            frame.Metadata.XmpProfile = null;
            frame.Metadata.IccProfile = null;
        }
    }

    /// <summary>The whole upload, or null when it is longer than <paramref name="limit"/> (read no further than that).</summary>
    private static async Task<byte[]?> ReadAtMostAsync(Stream upload, long limit, CancellationToken cancellationToken)
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = await upload.ReadAsync(chunk, cancellationToken)) > 0)
        {
            if (buffer.Length + read > limit) return null;
            buffer.Write(chunk, 0, read);
        }
        return buffer.ToArray();
    }

    private static string Size(long bytes) => bytes >= 1024 * 1024
        ? string.Create(CultureInfo.InvariantCulture, $"{bytes / (1024.0 * 1024.0):0.#} MB")
        : string.Create(CultureInfo.InvariantCulture, $"{bytes / 1024.0:0} KB");
}
