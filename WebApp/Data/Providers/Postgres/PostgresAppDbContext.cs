using Microsoft.EntityFrameworkCore;

namespace WebApp.Data.Providers.Postgres;

/// <summary>The app's model on PostgreSQL, with its own migrations (Data/Migrations/Postgres) and its search indexes.</summary>
internal sealed class PostgresAppDbContext(DbContextOptions<PostgresAppDbContext> options) : AppDbContext(options)
{
    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        PostgresProductSearchIndex.ConfigureModel(builder);
    }
}
