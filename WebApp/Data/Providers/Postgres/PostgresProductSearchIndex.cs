using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using WebApp.Catalog;

namespace WebApp.Data.Providers.Postgres;

/// <summary>
/// pg_trgm GIN indexes on the product's name, SKU and description: PostgreSQL answers the ILIKE '%text%' filter itself
/// from them (a bitmap scan of each index), so there is no separate candidate query, and GIN keeps up with bulk loads.
/// </summary>
internal sealed class PostgresProductSearchIndex : IProductSearchIndex
{
    public IQueryable<Product>? Candidates(AppDbContext db, string text) => null;

    public IQueryable<int>? CandidateIds(AppDbContext db, IReadOnlyList<string> texts) => null;

    public Task<IProductSearchBulkLoad?> BeginBulkLoadAsync(AppDbContext db, DbTransaction transaction, CancellationToken cancellationToken) =>
        Task.FromResult<IProductSearchBulkLoad?>(null);

    /// <summary>The extension and the indexes, in the PostgreSQL model (and so in its migrations).</summary>
    public static void ConfigureModel(ModelBuilder builder)
    {
        builder.HasPostgresExtension("pg_trgm");
        var product = builder.Entity<Product>();
        product.HasIndex(p => p.Name, "IX_Products_Name_Trigram").HasMethod("gin").HasOperators("gin_trgm_ops");
        product.HasIndex(p => p.Sku, "IX_Products_Sku_Trigram").HasMethod("gin").HasOperators("gin_trgm_ops");
        product.HasIndex(p => p.Description, "IX_Products_Description_Trigram").HasMethod("gin").HasOperators("gin_trgm_ops");
    }
}
