using WebApp.Admin;
using WebApp.Media;

namespace WebApp.Catalog;

/// <summary>A product image's picture in the admin: uploads go through <see cref="ImageUploads"/> (checked, re-encoded, every size stored).</summary>
internal sealed class ProductImageFile() : ImageField<ProductImage>("Image", "Image")
{
    public override AdminImage? Current(ProductImage image) =>
        string.IsNullOrEmpty(image.ImageKey)
            ? null
            : new AdminImage(ToMedia(image).Url(ImageSizes.Widths[0]), ToMedia(image).Url(ImageSizes.Largest), $"{image.ImageKey} ({image.Width} × {image.Height})");

    public override async Task<string?> StoreAsync(AdminObjectContext<ProductImage> context, IFormFile upload, CancellationToken cancellationToken)
    {
        await using var content = upload.OpenReadStream();
        var stored = await context.Services.GetRequiredService<ImageUploads>().StoreAsync(content, cancellationToken);
        if (!stored.Succeeded) return stored.Error;
        context.Object.ImageKey = stored.Key!;
        context.Object.Width = stored.Width;
        context.Object.Height = stored.Height;
        return null;
    }

    public override void Clear(ProductImage image) => throw new InvalidOperationException("A product image always has a picture.");

    private static MediaImage ToMedia(ProductImage image) => new(image.ImageKey, image.Width, image.Height, image.AltText);
}
