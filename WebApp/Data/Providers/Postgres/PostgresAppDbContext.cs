using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace WebApp.Data.Providers.Postgres;

/// <summary>The app's model on PostgreSQL, with its own migrations (Data/Migrations/Postgres) and its search indexes.</summary>
internal sealed class PostgresAppDbContext(DbContextOptions<PostgresAppDbContext> options) : AppDbContext(options)
{
    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        PostgresProductSearchIndex.ConfigureModel(builder);
    }

    /// <summary>For dotnet ef: migrations are made from the model alone, no server needed.</summary>
    internal sealed class DesignTimeFactory : IDesignTimeDbContextFactory<PostgresAppDbContext>
    {
        public PostgresAppDbContext CreateDbContext(string[] args) =>
            new(new DbContextOptionsBuilder<PostgresAppDbContext>().UseNpgsql("Host=localhost;Database=webapp").Options);
    }
}
