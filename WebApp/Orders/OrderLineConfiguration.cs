using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace WebApp.Orders;

internal sealed class OrderLineConfiguration : IEntityTypeConfiguration<OrderLine>
{
    public void Configure(EntityTypeBuilder<OrderLine> line)
    {
        line.Property(l => l.ProductName).HasMaxLength(200);
        line.Property(l => l.ProductSku).HasMaxLength(40);
        line.Property(l => l.UnitPrice).HasPrecision(18, 2);
        line.Ignore(l => l.LineTotal);

        // Orders keep their lines when a product is retired: a product with order lines cannot be deleted.
        line.HasOne(l => l.Product)
            .WithMany()
            .HasForeignKey(l => l.ProductId)
            .OnDelete(DeleteBehavior.Restrict);

        line.ToTable(t => t.HasCheckConstraint("CK_OrderLines_Quantity", "\"Quantity\" >= 1"));
    }
}
