using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace WebApp.Cart;

internal sealed class CartItemConfiguration : IEntityTypeConfiguration<CartItem>
{
    public void Configure(EntityTypeBuilder<CartItem> item)
    {
        item.ToTable("CartItems", t => t.HasCheckConstraint("CK_CartItems_Quantity", "\"Quantity\" >= 1"));
        item.HasIndex(i => new { i.CartId, i.ProductId }).IsUnique();

        // A product that leaves the catalog leaves every cart with it.
        item.HasOne(i => i.Product)
            .WithMany()
            .HasForeignKey(i => i.ProductId)
            .OnDelete(DeleteBehavior.Cascade);
    }
}
