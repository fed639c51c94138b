using System.Data.Common;
using WebApp.Catalog;

namespace WebApp.Data.Providers;

/// <summary>
/// The full-text index of product names, SKUs and descriptions: SQLite's FTS5 table, PostgreSQL's pg_trgm GIN indexes,
/// none on SQL Server (the LIKE filter reads every row there). Made by each engine's own migrations.
/// </summary>
internal interface IProductSearchIndex
{
    /// <summary>
    /// Products that may contain <paramref name="text"/>, found through the index; callers keep their exact test. Null
    /// when the index cannot answer (too short a text) or when the match filter itself uses the index (PostgreSQL).
    /// </summary>
    IQueryable<Product>? Candidates(AppDbContext db, string text);

    /// <summary>
    /// The ids of products containing every one of <paramref name="texts"/> (each anywhere in the name, SKU or
    /// description), possibly with a few more: callers keep their exact test. Null when the index cannot answer (no
    /// text it can look up) or the match filter itself uses the index.
    /// </summary>
    IQueryable<int>? CandidateIds(AppDbContext db, IReadOnlyList<string> texts);

    /// <summary>
    /// Before loading many products in <paramref name="transaction"/>: suspends the index's row-by-row upkeep. Call
    /// <see cref="IProductSearchBulkLoad.CompleteAsync"/> before committing. Null when the engine has nothing to suspend.
    /// </summary>
    Task<IProductSearchBulkLoad?> BeginBulkLoadAsync(AppDbContext db, DbTransaction transaction, CancellationToken cancellationToken);
}
