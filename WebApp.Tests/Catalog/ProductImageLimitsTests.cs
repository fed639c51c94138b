using System.Net;
using Microsoft.EntityFrameworkCore;
using WebApp.Tests.Admin;
using WebApp.Tests.Infrastructure;
using static WebApp.Tests.Infrastructure.HtmlForms;

namespace WebApp.Tests.Catalog;

/// <summary>Uploads over the byte or pixel limit (lowered here: Media:MaxUploadBytes, Media:MaxPixels) are refused with a message.</summary>
public class ProductImageLimitsTests : IDisposable
{
    private sealed class LimitedFactory : WebAppFactory
    {
        protected override IDictionary<string, string?> ExtraSettings => new Dictionary<string, string?>
        {
            ["Media:MaxUploadBytes"] = "50000",
            ["Media:MaxPixels"] = "1000000",
        };
    }

    private readonly LimitedFactory _factory = new();

    public void Dispose()
    {
        _factory.Dispose();
        GC.SuppressFinalize(this);
    }

    [Fact]
    public async Task Too_many_bytes_are_refused_with_the_limit_and_nothing_changes()
    {
        var (status, errors) = await UploadAsync("noise.png", NoisyPng(400, 400));

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("The file is larger than 49 KB: upload a smaller picture.", errors);
        await NothingStoredAsync();
    }

    [Fact]
    public async Task Too_many_pixels_are_refused_before_decoding_and_nothing_changes()
    {
        var (status, errors) = await UploadAsync("wide.png", TestImages.Png(1200, 1000));

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("The picture is 1,200 × 1,000 pixels; the most accepted is 1,000,000 pixels in all. Make it smaller and upload it again.", errors);
        await NothingStoredAsync();
    }

    [Fact]
    public async Task A_picture_within_both_limits_is_accepted()
    {
        var (status, errors) = await UploadAsync("small.png", TestImages.Png(1000, 1000));

        Assert.Equal((HttpStatusCode.Redirect, ""), (status, errors));
        Assert.Equal(1, await _factory.WithDbAsync(db => db.ProductImages.CountAsync()));
    }

    private async Task<(HttpStatusCode Status, string Errors)> UploadAsync(string fileName, byte[] file)
    {
        var category = await _factory.AddCategoryAsync("Shoes");
        var product = await _factory.AddProductAsync("Boot", category.Id);
        var client = await _factory.LoggedInClientAsync("root@example.com", staff: true, superuser: true);
        var response = await client.PostMultipartWithTokenAsync("/admin/catalog/productimage/add/",
            [Field("ProductId", product.Id.ToString()), Field("AltText", "Boot"), Field("SortOrder", "0"), Field("_save", "1")], "Image", fileName, file);
        var errors = response.StatusCode == HttpStatusCode.OK
            ? (await response.ReadHtmlAsync()).QuerySelector("#id_Image-errors")?.TextContent.Trim() ?? ""
            : "";
        return (response.StatusCode, errors);
    }

    private async Task NothingStoredAsync()
    {
        Assert.Equal(0, await _factory.WithDbAsync(db => db.ProductImages.CountAsync()));
        Assert.Empty(Directory.Exists(_factory.MediaDirectory) ? Directory.GetFiles(_factory.MediaDirectory) : []);
    }

    /// <summary>A PNG that does not compress: random pixels, so it is big in bytes but small in pixels.</summary>
    private static byte[] NoisyPng(int width, int height)
    {
        var random = new Random(42);
        using var image = new SixLabors.ImageSharp.Image<SixLabors.ImageSharp.PixelFormats.Rgba32>(width, height);
        for (var y = 0; y < height; y++)
        for (var x = 0; x < width; x++)
            image[x, y] = new SixLabors.ImageSharp.PixelFormats.Rgba32((byte)random.Next(256), (byte)random.Next(256), (byte)random.Next(256));
        using var stream = new MemoryStream();
        SixLabors.ImageSharp.ImageExtensions.SaveAsPng(image, stream);
        Assert.True(stream.Length > 50000);
        return stream.ToArray();
    }
}
