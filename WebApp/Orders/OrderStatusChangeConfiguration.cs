using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace WebApp.Orders;

internal sealed class OrderStatusChangeConfiguration : IEntityTypeConfiguration<OrderStatusChange>
{
    public void Configure(EntityTypeBuilder<OrderStatusChange> change)
    {
        change.ToTable("OrderStatusChanges");
        change.Property(c => c.FromStatus).HasConversion<string>().HasMaxLength(20);
        change.Property(c => c.ToStatus).HasConversion<string>().HasMaxLength(20);
        change.Property(c => c.Actor).HasMaxLength(256);
        change.HasIndex(c => new { c.OrderId, c.ChangedAt });
    }
}
