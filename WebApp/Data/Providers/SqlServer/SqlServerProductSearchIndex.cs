using System.Data.Common;
using WebApp.Catalog;

namespace WebApp.Data.Providers.SqlServer;

/// <summary>
/// No index: SQL Server's full-text search works on words, not substrings, and is not installed everywhere, so the
/// LIKE filter reads the products (fine for thousands, slow for millions; a big catalog belongs on PostgreSQL).
/// </summary>
internal sealed class SqlServerProductSearchIndex : IProductSearchIndex
{
    public IQueryable<Product>? Candidates(AppDbContext db, string text) => null;

    public IQueryable<int>? CandidateIds(AppDbContext db, IReadOnlyList<string> texts) => null;

    public Task<IProductSearchBulkLoad?> BeginBulkLoadAsync(AppDbContext db, DbTransaction transaction, CancellationToken cancellationToken) =>
        Task.FromResult<IProductSearchBulkLoad?>(null);
}
