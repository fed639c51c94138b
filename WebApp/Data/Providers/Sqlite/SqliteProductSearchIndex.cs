using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using WebApp.Catalog;

namespace WebApp.Data.Providers.Sqlite;

/// <summary>
/// The full-text index of product names, SKUs and descriptions. On SQLite it is the FTS5 table "ProductSearch" with
/// trigram tokens, kept in step with "Products" by triggers (migration AddProductSearch); it finds the products that
/// contain a piece of text without reading every product. Outside the EF model: only this class and that migration
/// know it.
/// </summary>
internal sealed class SqliteProductSearchIndex : IProductSearchIndex
{
    /// <summary>The index is made of 3-character tokens, so it cannot look up anything shorter.</summary>
    public const int MinimumLength = 3;

    private const string Table = "ProductSearch";

    // Created by the migration; a bulk load drops and restores them.
    private static readonly string[] Triggers = ["ProductSearch_AfterInsert", "ProductSearch_AfterDelete", "ProductSearch_AfterUpdate"];

    /// <summary>
    /// Every product whose name, SKU or description contains <paramref name="text"/>, possibly with a few more that
    /// contain it only under Unicode case folding (SQLite's LIKE folds ASCII letters alone): callers keep their exact
    /// test. Null when the index cannot answer: text shorter than <see cref="MinimumLength"/> characters or holding a
    /// NUL.
    /// </summary>
    public IQueryable<Product>? Candidates(AppDbContext db, string text)
    {
        if (!Indexable(text)) return null;

        var phrase = Phrase(text);
        // CROSS JOIN keeps this order: SQLite reads the index's matches first, rather than walking an index of every
        // product in list order and looking each one up in the search's results.
        return db.Products.FromSql($"""
            SELECT "Products".* FROM "ProductSearch" CROSS JOIN "Products" ON "Products"."Id" = "ProductSearch".rowid
            WHERE "ProductSearch" MATCH {phrase}
            """);
    }

    /// <summary>
    /// The ids of products containing every text that the index can look up (the others are left to the caller's exact
    /// test): one FTS5 query, "text1" AND "text2", which intersects the index's lists without reading the products.
    /// </summary>
    public IQueryable<int>? CandidateIds(AppDbContext db, IReadOnlyList<string> texts)
    {
        var phrases = texts.Where(Indexable).Select(Phrase).ToList();
        if (phrases.Count == 0) return null;
        var match = string.Join(" AND ", phrases);
        return db.Database.SqlQuery<int>($"""SELECT rowid AS "Value" FROM "ProductSearch" WHERE "ProductSearch" MATCH {match}""");
    }

    private static bool Indexable(string text) => !text.Contains('\0') && text.EnumerateRunes().Take(MinimumLength).Count() >= MinimumLength;

    /// <summary>A quoted FTS5 phrase is the text's trigrams in a row, that is the text as a substring; only " is special.</summary>
    private static string Phrase(string text) => "\"" + text.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";

    /// <summary>
    /// Before loading many products in <paramref name="transaction"/>: drops the index's triggers, which would otherwise
    /// update the index row by row (a million rows load and delete seconds faster without them). Call
    /// <see cref="BulkLoad.CompleteAsync"/> before committing; a rollback restores the triggers by itself.
    /// </summary>
    public async Task<IProductSearchBulkLoad?> BeginBulkLoadAsync(AppDbContext db, DbTransaction transaction, CancellationToken cancellationToken)
    {
        var connection = db.Database.GetDbConnection();
        var definitions = new List<string>();
        await using (var command = Command(connection, transaction,
            """SELECT "name", "sql" FROM "sqlite_master" WHERE "type" = 'trigger' AND "tbl_name" = 'Products'"""))
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
        {
            var found = new Dictionary<string, string>(StringComparer.Ordinal);
            while (await reader.ReadAsync(cancellationToken)) found[reader.GetString(0)] = reader.GetString(1);
            foreach (var trigger in Triggers)
            {
                definitions.Add(found.GetValueOrDefault(trigger) ?? throw new InvalidOperationException(
                    $"The product search index has no trigger {trigger}: run the migrate command first."));
            }
        }
        foreach (var trigger in Triggers)
            await ExecuteAsync(connection, transaction, $"""DROP TRIGGER "{trigger}";""", cancellationToken);
        return new BulkLoad(connection, transaction, definitions);
    }

    /// <summary>A bulk load in progress: the index's triggers are dropped until <see cref="CompleteAsync"/>.</summary>
    private sealed class BulkLoad(DbConnection connection, DbTransaction transaction, IReadOnlyList<string> triggerDefinitions)
        : IProductSearchBulkLoad
    {
        /// <summary>Indexes every product afresh in one pass, then restores the triggers for later changes.</summary>
        public async Task CompleteAsync(CancellationToken cancellationToken)
        {
            await ExecuteAsync(connection, transaction, $"""INSERT INTO "{Table}" ("{Table}") VALUES ('rebuild');""", cancellationToken);
            foreach (var definition in triggerDefinitions)
                await ExecuteAsync(connection, transaction, definition, cancellationToken);
        }
    }

    private static DbCommand Command(DbConnection connection, DbTransaction transaction, string sql)
    {
        var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        return command;
    }

    private static async Task ExecuteAsync(DbConnection connection, DbTransaction transaction, string sql, CancellationToken cancellationToken)
    {
        await using var command = Command(connection, transaction, sql);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
