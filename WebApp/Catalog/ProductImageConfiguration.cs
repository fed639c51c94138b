using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace WebApp.Catalog;

internal sealed class ProductImageConfiguration : IEntityTypeConfiguration<ProductImage>
{
    public void Configure(EntityTypeBuilder<ProductImage> image)
    {
        image.Property(i => i.ImageKey).HasMaxLength(64);
        image.Property(i => i.AltText).HasMaxLength(200);

        // A product's images in page order, and its primary one for lists, read by product id.
        image.HasIndex(i => new { i.ProductId, i.IsPrimary, i.SortOrder });

        image.HasOne(i => i.Product)
            .WithMany(p => p.Images)
            .HasForeignKey(i => i.ProductId)
            .OnDelete(DeleteBehavior.Cascade);
    }
}
