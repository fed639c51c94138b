using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace WebApp.Catalog;

internal sealed class ProductConfiguration : IEntityTypeConfiguration<Product>
{
    public void Configure(EntityTypeBuilder<Product> product)
    {
        product.Property(p => p.Name).HasMaxLength(200);
        product.Property(p => p.Slug).HasMaxLength(220);
        product.Property(p => p.Sku).HasMaxLength(40);
        product.Property(p => p.Description).HasMaxLength(4000);
        product.Property(p => p.Price).HasPrecision(18, 2);
        product.Property(p => p.IsActive).HasDefaultValue(true);
        product.Property(p => p.Version).IsConcurrencyToken();

        product.HasIndex(p => p.Slug).IsUnique();
        product.HasIndex(p => p.Sku).IsUnique();
        // The shop lists active products by name, price or age; the admin sorts and filters the same ways.
        product.HasIndex(p => new { p.IsActive, p.Name });
        product.HasIndex(p => new { p.IsActive, p.Price });
        product.HasIndex(p => new { p.IsActive, p.CreatedAt });
        product.HasIndex(p => new { p.CategoryId, p.IsActive });
        product.HasIndex(p => p.CreatedAt); // the admin's date hierarchy: range probes per year, month and day
        // The admin's changelist: each sortable column with the key that ends every ordering (keyset pages seek on
        // both), and the category filter with the default ordering, so a page is an index range read at any size.
        product.HasIndex(p => new { p.Name, p.Id });
        product.HasIndex(p => new { p.Price, p.Id });
        product.HasIndex(p => new { p.Stock, p.Id });
        product.HasIndex(p => new { p.CategoryId, p.Name, p.Id });
        product.HasIndex(p => new { p.CategoryId, p.CreatedAt }); // the date hierarchy's probes within a category

        product.HasOne(p => p.Category)
            .WithMany(c => c.Products)
            .HasForeignKey(p => p.CategoryId)
            .OnDelete(DeleteBehavior.Restrict);

        product.HasMany(p => p.Tags)
            .WithMany(t => t.Products)
            .UsingEntity(join => join.ToTable("ProductTags"));

        product.ToTable(t =>
        {
            t.HasCheckConstraint("CK_Products_Price", "\"Price\" >= 0");
            t.HasCheckConstraint("CK_Products_Stock", "\"Stock\" >= 0");
        });
    }
}
