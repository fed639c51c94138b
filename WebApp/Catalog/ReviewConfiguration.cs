using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace WebApp.Catalog;

internal sealed class ReviewConfiguration : IEntityTypeConfiguration<Review>
{
    public void Configure(EntityTypeBuilder<Review> review)
    {
        review.Property(r => r.Title).HasMaxLength(200);
        review.Property(r => r.Body).HasMaxLength(4000);

        review.HasOne(r => r.Product)
            .WithMany(p => p.Reviews)
            .HasForeignKey(r => r.ProductId)
            .OnDelete(DeleteBehavior.Cascade);

        review.HasOne(r => r.Author)
            .WithMany()
            .HasForeignKey(r => r.AuthorId)
            .OnDelete(DeleteBehavior.Cascade);

        // Product pages read the latest approved reviews; one review per customer and product.
        review.HasIndex(r => new { r.ProductId, r.IsApproved, r.CreatedAt });
        review.HasIndex(r => new { r.ProductId, r.AuthorId }).IsUnique();
        // The admin lists reviews newest first, and the moderation queue by approval.
        review.HasIndex(r => new { r.CreatedAt, r.Id });
        review.HasIndex(r => new { r.IsApproved, r.CreatedAt, r.Id });

        review.ToTable(t => t.HasCheckConstraint("CK_Reviews_Rating", "\"Rating\" BETWEEN 1 AND 5"));
    }
}
