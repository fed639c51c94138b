using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;
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

    /// <summary>For dotnet ef: migrations are made from the model alone, no server needed.</summary>
    internal sealed class DesignTimeFactory : IDesignTimeDbContextFactory<SqlServerAppDbContext>
    {
        public SqlServerAppDbContext CreateDbContext(string[] args) =>
            new(new DbContextOptionsBuilder<SqlServerAppDbContext>().UseSqlServer("Server=localhost;Database=webapp").Options);
    }
}
