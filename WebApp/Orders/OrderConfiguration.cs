using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace WebApp.Orders;

internal sealed class OrderConfiguration : IEntityTypeConfiguration<Order>
{
    public void Configure(EntityTypeBuilder<Order> order)
    {
        order.Property(o => o.Number).HasMaxLength(20);
        order.Property(o => o.ContactEmail).HasMaxLength(256);
        order.Property(o => o.ShippingName).HasMaxLength(200);
        order.Property(o => o.ShippingAddressLine1).HasMaxLength(200);
        order.Property(o => o.ShippingAddressLine2).HasMaxLength(200);
        order.Property(o => o.ShippingCity).HasMaxLength(100);
        order.Property(o => o.ShippingPostalCode).HasMaxLength(20);
        order.Property(o => o.ShippingCountry).HasMaxLength(100);
        order.Property(o => o.Status).HasConversion<string>().HasMaxLength(20);
        order.Property(o => o.Subtotal).HasPrecision(18, 2);
        order.Property(o => o.Total).HasPrecision(18, 2);
        order.Property(o => o.ShippingMethod).HasMaxLength(50);
        order.Property(o => o.ShippingCost).HasPrecision(18, 2);
        order.Property(o => o.PaymentMethod).HasMaxLength(50);
        order.Property(o => o.PaymentInstructions).HasMaxLength(1000);
        order.Property(o => o.Version).IsConcurrencyToken();
        order.Property(o => o.IdempotencyKey).HasMaxLength(64);

        order.HasIndex(o => o.Number).IsUnique();
        order.HasIndex(o => o.IdempotencyKey).IsUnique();
        order.HasIndex(o => new { o.CustomerId, o.CreatedAt });
        order.HasIndex(o => new { o.Status, o.CreatedAt });
        order.HasIndex(o => o.CreatedAt); // the admin's date hierarchy: range probes per year, month and day

        order.HasOne(o => o.Customer)
            .WithMany()
            .HasForeignKey(o => o.CustomerId)
            .OnDelete(DeleteBehavior.Restrict);

        order.HasMany(o => o.Lines)
            .WithOne(l => l.Order)
            .HasForeignKey(l => l.OrderId)
            .OnDelete(DeleteBehavior.Cascade);

        order.HasMany(o => o.StatusChanges)
            .WithOne(c => c.Order)
            .HasForeignKey(c => c.OrderId)
            .OnDelete(DeleteBehavior.Cascade);

        order.ToTable(t => t.HasCheckConstraint("CK_Orders_Totals", "\"Subtotal\" >= 0 AND \"Total\" >= 0"));
    }
}
