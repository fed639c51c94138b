using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace WebApp.Cart;

internal sealed class ShoppingCartConfiguration : IEntityTypeConfiguration<ShoppingCart>
{
    public void Configure(EntityTypeBuilder<ShoppingCart> cart)
    {
        cart.ToTable("Carts", t => t.HasCheckConstraint(
            "CK_Carts_Owner", "(\"OwnerId\" IS NULL) <> (\"AnonymousKeyHash\" IS NULL)"));
        cart.Property(c => c.AnonymousKeyHash).HasMaxLength(64);

        // One cart per customer and per anonymous cookie; NULLs do not collide in a unique index.
        cart.HasIndex(c => c.OwnerId).IsUnique();
        cart.HasIndex(c => c.AnonymousKeyHash).IsUnique();
        // Stale anonymous carts are found by age.
        cart.HasIndex(c => c.UpdatedAt);

        cart.HasOne(c => c.Owner)
            .WithMany()
            .HasForeignKey(c => c.OwnerId)
            .OnDelete(DeleteBehavior.Cascade);

        cart.HasMany(c => c.Items)
            .WithOne(i => i.Cart)
            .HasForeignKey(i => i.CartId)
            .OnDelete(DeleteBehavior.Cascade);
    }
}
