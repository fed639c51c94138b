using Microsoft.EntityFrameworkCore;
using WebApp.Cart;

namespace WebApp.Data.Providers.SqlServer;

/// <summary>The app's model on SQL Server, with its own migrations (Data/Migrations/SqlServer).</summary>
internal sealed class SqlServerAppDbContext(DbContextOptions<SqlServerAppDbContext> options) : AppDbContext(options)
{
    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        // T-SQL has no boolean values to compare: "exactly one owner" spelled without them.
        builder.Entity<ShoppingCart>().ToTable(t => t.HasCheckConstraint("CK_Carts_Owner",
            "([OwnerId] IS NULL AND [AnonymousKeyHash] IS NOT NULL) OR ([OwnerId] IS NOT NULL AND [AnonymousKeyHash] IS NULL)"));
    }
}
