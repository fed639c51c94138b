using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace WebApp.Catalog;

internal sealed class ProductImageConfiguration : IEntityTypeConfiguration<ProductImage>
{
    public void Configure(EntityTypeBuilder<ProductImage> image)
    {
        image.Property(i => i.ImageKey).HasMaxLength(64);
        image.Property(i => i.AltText).HasMaxLength(200);

        // A product's images in page order (primary first, then by order and id), read by product id: lists take the
        // first entry per row of their page (ProductImages.PrimaryColumn) without sorting anything.
        image.HasIndex(i => new { i.ProductId, i.IsPrimary, i.SortOrder, i.Id }).IsDescending(false, true, false, false);

        image.HasOne(i => i.Product)
            .WithMany(p => p.Images)
            .HasForeignKey(i => i.ProductId)
            .OnDelete(DeleteBehavior.Cascade);
    }
}
