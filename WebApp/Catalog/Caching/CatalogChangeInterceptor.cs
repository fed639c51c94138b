using System.Data.Common;
using System.Runtime.CompilerServices;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Metadata;

namespace WebApp.Catalog.Caching;

/// <summary>
/// The one place that sees every catalog change: every command EF Core sends (SaveChanges from the admin, the API and
/// reviews, ExecuteUpdate from checkout and order cancellation, raw SQL) is checked for an INSERT, UPDATE or DELETE on a
/// table the catalog pages show (products, categories, tags, product tags, reviews, product images), and the cached pages are evicted.
/// Inside a transaction the pages are evicted again when it commits, so a page read before the commit is not kept.
/// </summary>
internal sealed class CatalogChangeInterceptor(CatalogPageCache cache) : DbCommandInterceptor, IDbTransactionInterceptor
{
    private static readonly Type[] CatalogEntities = [typeof(Product), typeof(Category), typeof(Tag), typeof(Review), typeof(ProductImage)];

    private readonly ConditionalWeakTable<DbTransaction, object> _changedTransactions = [];
    private Regex? _writesToCatalog;

    public override DbDataReader ReaderExecuted(DbCommand command, CommandExecutedEventData eventData, DbDataReader result)
    {
        Changed(command, eventData.Context);
        return result;
    }

    public override async ValueTask<DbDataReader> ReaderExecutedAsync(
        DbCommand command, CommandExecutedEventData eventData, DbDataReader result, CancellationToken cancellationToken = default)
    {
        await ChangedAsync(command, eventData.Context, cancellationToken);
        return result;
    }

    public override int NonQueryExecuted(DbCommand command, CommandExecutedEventData eventData, int result)
    {
        Changed(command, eventData.Context);
        return result;
    }

    public override async ValueTask<int> NonQueryExecutedAsync(
        DbCommand command, CommandExecutedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        await ChangedAsync(command, eventData.Context, cancellationToken);
        return result;
    }

    public override object? ScalarExecuted(DbCommand command, CommandExecutedEventData eventData, object? result)
    {
        Changed(command, eventData.Context);
        return result;
    }

    public override async ValueTask<object?> ScalarExecutedAsync(
        DbCommand command, CommandExecutedEventData eventData, object? result, CancellationToken cancellationToken = default)
    {
        await ChangedAsync(command, eventData.Context, cancellationToken);
        return result;
    }

    void IDbTransactionInterceptor.TransactionCommitted(DbTransaction transaction, TransactionEndEventData eventData)
    {
        if (_changedTransactions.Remove(transaction)) cache.EvictAsync(CancellationToken.None).AsTask().GetAwaiter().GetResult();
    }

    async Task IDbTransactionInterceptor.TransactionCommittedAsync(
        DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken)
    {
        // Not the caller's token: the change is committed, the eviction must happen whatever the request does now.
        if (_changedTransactions.Remove(transaction)) await cache.EvictAsync(CancellationToken.None);
    }

    void IDbTransactionInterceptor.TransactionRolledBack(DbTransaction transaction, TransactionEndEventData eventData) =>
        _changedTransactions.Remove(transaction);

    Task IDbTransactionInterceptor.TransactionRolledBackAsync(
        DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken)
    {
        _changedTransactions.Remove(transaction);
        return Task.CompletedTask;
    }

    private void Changed(DbCommand command, DbContext? context)
    {
        if (WritesToCatalog(command, context)) cache.EvictAsync(CancellationToken.None).AsTask().GetAwaiter().GetResult();
    }

    private async ValueTask ChangedAsync(DbCommand command, DbContext? context, CancellationToken cancellationToken)
    {
        if (WritesToCatalog(command, context)) await cache.EvictAsync(CancellationToken.None);
    }

    private bool WritesToCatalog(DbCommand command, DbContext? context)
    {
        var sql = command.CommandText;
        // Queries are most commands by far: one cheap test keeps them off the regular expression.
        if (context is null || sql.StartsWith("SELECT", StringComparison.OrdinalIgnoreCase)) return false;
        var writesToCatalog = _writesToCatalog ??= WritesTo(CatalogTables(context.Model));
        if (!writesToCatalog.IsMatch(sql)) return false;
        if (command.Transaction is { } transaction) _changedTransactions.AddOrUpdate(transaction, this);
        return true;
    }

    /// <summary>The tables of the catalog's entities and of their many-to-many joins.</summary>
    private static IEnumerable<string> CatalogTables(IModel model) =>
        CatalogEntities
            .Select(type => model.FindEntityType(type)!)
            .SelectMany(entity => entity.GetSkipNavigations().Select(skip => skip.JoinEntityType).Prepend(entity))
            .Select(entity => entity.GetTableName()!)
            .Distinct(StringComparer.OrdinalIgnoreCase);

    private static Regex WritesTo(IEnumerable<string> tables) => new(
        $@"\b(?:INSERT\s+(?:OR\s+\w+\s+)?INTO|UPDATE(?:\s+OR\s+\w+)?|DELETE\s+FROM)\s+[""\[`]?(?:{string.Join('|', tables.Select(Regex.Escape))})[""\]`]?(?![\w])",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.Compiled);
}
