using System.Collections.Concurrent;
using System.Linq.Expressions;
using AutoMapper.QueryableExtensions;
using Microsoft.EntityFrameworkCore;
using WebApp.Catalog.Caching;
using WebApp.Data;
using WebApp.Data.Providers;

namespace WebApp.Catalog;

/// <summary>One page of active products that match a visitor's search, filters and sort.</summary>
internal sealed class ProductListResult
{
    public required ProductListCriteria Criteria { get; init; }
    public required IReadOnlyList<ProductListItem> Items { get; init; }
    public required int TotalCount { get; init; }
    public required int Page { get; init; }
    public required int PageCount { get; init; }
    public required IReadOnlyList<string> Messages { get; init; }
}

/// <summary>One page of a product list read as <typeparamref name="TItem"/>; no items when the page is past the end.</summary>
internal sealed record ProductPage<TItem>(IReadOnlyList<TItem> Items, int Page, int TotalCount, int PageCount);

/// <summary>
/// Lists active products for the shop: filters, sorts and pages in SQL, reading only the listed columns. Searches go
/// through the full-text index when it can answer; counts of big lists come from <see cref="ProductCountCache"/>.
/// </summary>
internal sealed class ProductListQuery(
    AppDbContext db, AutoMapper.IConfigurationProvider mapping, ProductCountCache counts, CatalogDataCache kept, CatalogQueries catalog)
{
    public const int PageSize = 24;

    /// <summary>Products from the whole shop, or from the category named by <see cref="ProductListCriteria.CategorySlug"/>.</summary>
    public async Task<ProductListResult> ListAsync(ProductListCriteria criteria, CancellationToken cancellationToken)
    {
        var messages = criteria.Messages.ToList();
        int? categoryId = null;
        if (criteria.CategorySlug is { } slug)
        {
            categoryId = await FindCategoryIdAsync(slug, cancellationToken);
            if (categoryId is null)
            {
                messages.Add($"No category \u201c{slug}\u201d exists; showing products from every category.");
                criteria = criteria with { CategorySlug = null };
            }
        }
        return await RunAsync(criteria, categoryId, messages, cancellationToken);
    }

    /// <summary>Products of one category, whatever the criteria say about categories.</summary>
    public Task<ProductListResult> ListInCategoryAsync(ProductListCriteria criteria, int categoryId, CancellationToken cancellationToken) =>
        RunAsync(criteria with { CategorySlug = null }, categoryId, criteria.Messages.ToList(), cancellationToken);

    /// <summary>
    /// Page <paramref name="page"/> of the active products that match, sorted, with their number: exact for lists of
    /// up to <see cref="ListCacheOptions.CountThreshold"/> products, up to <see cref="ListCacheOptions.Expiry"/> old for
    /// bigger ones. A page past the end has no items (the caller decides what to show instead).
    /// </summary>
    internal async Task<ProductPage<TItem>> ReadPageAsync<TItem>(
        ProductListCriteria criteria, int? categoryId, ProductSort sort, int page, int pageSize, CancellationToken cancellationToken)
    {
        var key = new ProductCountKey(criteria.Search, categoryId, criteria.MinPrice, criteria.MaxPrice);
        // Kept exactly until the catalog changes; counted (below) only for the first request after a change.
        var total = await kept.GetOrReadAsync(key.ToString(), token => CountAsync(criteria, categoryId, key, token), cancellationToken);
        // Past the end of a kept count is missing too: recounting here would let any address force a full count.
        if (page > PageCountOf(total, pageSize))
            return new ProductPage<TItem>([], page, total, PageCountOf(total, pageSize));

        IReadOnlyList<TItem> items = total == 0
            ? []
            : await ReadItemsAsync<TItem>(criteria, categoryId, sort, page, pageSize, manyMatches: counts.Keeps(total), cancellationToken);
        if (items.Count == 0 && page > 1)
        {
            // The count promised rows that have gone since (a kept count outlived them, or a delete came between).
            counts.Forget(key);
            total = await kept.ReadAndKeepAsync(key.ToString(), token => CountAsync(criteria, categoryId, key, token), cancellationToken);
        }
        return new ProductPage<TItem>(items, page, total, PageCountOf(total, pageSize));
    }

    /// <summary>One page of the matching products; through a compiled query when the list has no search or price bounds.</summary>
    private async Task<IReadOnlyList<TItem>> ReadItemsAsync<TItem>(
        ProductListCriteria criteria, int? categoryId, ProductSort sort, int page, int pageSize, bool manyMatches, CancellationToken cancellationToken)
    {
        if (criteria is not { Search: null, MinPrice: null, MaxPrice: null })
            return await PageOf<TItem>(Matching(criteria, categoryId, manyMatches), sort, page, pageSize).ToListAsync(cancellationToken);

        var items = new List<TItem>(pageSize);
        var query = CompiledPages<TItem>.For(sort, inCategory: categoryId is not null, mapping);
        await foreach (var item in query(db, true, categoryId ?? 0, (page - 1) * pageSize, pageSize).WithCancellation(cancellationToken))
            items.Add(item);
        return items;
    }

    /// <summary>
    /// The number of active products that match: exact for lists of up to <see cref="ListCacheOptions.CountThreshold"/>
    /// products, from <see cref="ProductCountCache"/> for bigger ones.
    /// </summary>
    private async Task<int> CountAsync(ProductListCriteria criteria, int? categoryId, ProductCountKey key, CancellationToken cancellationToken)
    {
        Task<int> CountBigListAsync() => counts.GetOrCountAsync(
            key, token => Matching(criteria, categoryId).CountAsync(token), total => total, cancellationToken);

        // Big when last counted: the kept count, or one recount shared with concurrent requests.
        if (counts.Remembers(key)) return await CountBigListAsync();
        // Counting stops past the threshold: a small list's exact number, or the news that the list is big.
        var upToThreshold = await Matching(criteria, categoryId).Take(counts.CountLimit).CountAsync(cancellationToken);
        return counts.Keeps(upToThreshold) ? await CountBigListAsync() : upToThreshold;
    }

    /// <summary>The active products that match, unsorted.</summary>
    /// <param name="manyMatches">
    /// The caller knows the matches are many: a search then tests rows in the list's own order (a page of them comes
    /// quickly) instead of looking every match up in the search index and sorting them all.
    /// </param>
    internal IQueryable<Product> Matching(ProductListCriteria criteria, int? categoryId, bool manyMatches = false)
    {
        var provider = db.Provider();
        var products = criteria.Search is { } text && !manyMatches
            ? provider.ProductSearchIndex.Candidates(db, text) ?? db.Products
            : db.Products;
        products = products.AsNoTracking().WhereActive();
        if (categoryId is { } id)
            products = products.Where(p => p.CategoryId == id);
        if (criteria.Search is { } search)
        {
            // Also after the index: it is the definition of a match (the index may offer a few more candidates).
            products = products.Where(provider.TextMatching.ContainsInAny<Product>(search, p => p.Name, p => p.Sku, p => p.Description!));
        }
        if (criteria.MinPrice is { } minPrice)
            products = products.Where(p => p.Price >= minPrice);
        if (criteria.MaxPrice is { } maxPrice)
            products = products.Where(p => p.Price <= maxPrice);
        return products;
    }

    /// <summary>One page of <paramref name="products"/>, read as list rows.</summary>
    internal IQueryable<ProductListItem> PageOf(IQueryable<Product> products, ProductSort sort, int page) =>
        PageOf<ProductListItem>(products, sort, page, PageSize);

    /// <summary>One page of <paramref name="pageSize"/> products, projected to <typeparamref name="TItem"/> (the JSON API's rows).</summary>
    internal IQueryable<TItem> PageOf<TItem>(IQueryable<Product> products, ProductSort sort, int page, int pageSize) =>
        Sorted(products, sort)
            .Skip((page - 1) * pageSize)
            .Take(pageSize)
            .ProjectTo<TItem>(mapping);

    /// <summary>The id of the category with <paramref name="slug"/>, or null when there is none.</summary>
    internal Task<int?> FindCategoryIdAsync(string slug, CancellationToken cancellationToken) =>
        db.Categories.AsNoTracking()
            .Where(c => c.Slug == slug)
            .Select(c => (int?)c.Id)
            .FirstOrDefaultAsync(cancellationToken);

    private async Task<ProductListResult> RunAsync(
        ProductListCriteria criteria, int? categoryId, List<string> messages, CancellationToken cancellationToken)
    {
        var result = await ReadPageAsync<ProductListItem>(criteria, categoryId, criteria.Sort, criteria.Page, PageSize, cancellationToken);
        if (result.Page > result.PageCount)
        {
            messages.Add($"Page {result.Page} does not exist; showing the last page.");
            result = await ReadPageAsync<ProductListItem>(criteria, categoryId, criteria.Sort, result.PageCount, PageSize, cancellationToken);
        }
        await catalog.NameCategoriesAsync(result.Items, cancellationToken);

        return new ProductListResult
        {
            Criteria = criteria with { Page = result.Page },
            Items = result.Items,
            TotalCount = result.TotalCount,
            Page = result.Page,
            PageCount = result.PageCount,
            Messages = messages,
        };
    }

    private static int PageCountOf(int total, int pageSize) => Math.Max(1, (total + pageSize - 1) / pageSize);

    /// <summary>What a list's count depends on: the criteria without sort and page.</summary>
    private sealed record ProductCountKey(string? Search, int? CategoryId, decimal? MinPrice, decimal? MaxPrice)
    {
        /// <summary>The key of the count in <see cref="CatalogDataCache"/>: the search last, as it may hold any character.</summary>
        public override string ToString() => string.Create(
            System.Globalization.CultureInfo.InvariantCulture, $"product-count/{CategoryId}/{MinPrice}/{MaxPrice}/{Search is not null}/{Search}");
    }

    /// <summary>
    /// Lists without a search or price bounds (the shop's or one category's, in any order: what visitors ask for most) as
    /// compiled queries, one per row type, order and filter. EF then does not re-read and re-translate the query's
    /// expression tree on every request, which took a tenth of /products' time in a profile. They are built from the same
    /// pieces as the per-request query (<see cref="Sorted"/>, ProjectTo, and <see cref="ActiveProducts.WhereActive"/>'s
    /// filter on a parameter, for the reason given there), so both send the same SQL.
    /// </summary>
    private static class CompiledPages<TItem>
    {
        private static readonly ConcurrentDictionary<(ProductSort Sort, bool InCategory), Func<AppDbContext, bool, int, int, int, IAsyncEnumerable<TItem>>> Queries = new();

        /// <summary>
        /// The query's arguments: the context, true (active products), the category's id (ignored when not
        /// <paramref name="inCategory"/>), the rows to skip and the rows to take.
        /// </summary>
        public static Func<AppDbContext, bool, int, int, int, IAsyncEnumerable<TItem>> For(
            ProductSort sort, bool inCategory, AutoMapper.IConfigurationProvider mapping) =>
            Queries.GetOrAdd((sort, inCategory), static (shape, mapping) => Compile(shape.Sort, shape.InCategory, mapping), mapping);

        private static Func<AppDbContext, bool, int, int, int, IAsyncEnumerable<TItem>> Compile(
            ProductSort sort, bool inCategory, AutoMapper.IConfigurationProvider mapping)
        {
            var db = Expression.Parameter(typeof(AppDbContext), "db");
            var active = Expression.Parameter(typeof(bool), "active");
            var categoryId = Expression.Parameter(typeof(int), "categoryId");
            var skip = Expression.Parameter(typeof(int), "skip");
            var take = Expression.Parameter(typeof(int), "take");

            // LINQ operators on an EnumerableQuery only record themselves: this builds the usual query's expression tree
            // on the compiled query's parameters.
            IQueryable<Product> products = new EnumerableQuery<Product>(Expression.Property(db, nameof(AppDbContext.Products)));
            products = products.Where(PropertyEquals(nameof(Product.IsActive), active));
            if (inCategory) products = products.Where(PropertyEquals(nameof(Product.CategoryId), categoryId));
            var page = Expression.Call(typeof(Queryable), nameof(Queryable.Take), [typeof(Product)],
                Expression.Call(typeof(Queryable), nameof(Queryable.Skip), [typeof(Product)], Sorted(products, sort).Expression, skip),
                take);
            var items = new EnumerableQuery<Product>(page).ProjectTo<TItem>(mapping);

            return EF.CompileAsyncQuery(Expression.Lambda<Func<AppDbContext, bool, int, int, int, IQueryable<TItem>>>(
                items.Expression, db, active, categoryId, skip, take));
        }

        /// <summary><c>p =&gt; p.{property} == {value}</c>.</summary>
        private static Expression<Func<Product, bool>> PropertyEquals(string property, ParameterExpression value)
        {
            var product = Expression.Parameter(typeof(Product), "p");
            return Expression.Lambda<Func<Product, bool>>(Expression.Equal(Expression.Property(product, property), value), product);
        }
    }

    // Every order ends with Id, so that equal names or prices never move between pages.
    private static IQueryable<Product> Sorted(IQueryable<Product> products, ProductSort sort) => sort switch
    {
        ProductSort.PriceAscending => products.OrderBy(p => p.Price).ThenBy(p => p.Id),
        ProductSort.PriceDescending => products.OrderByDescending(p => p.Price).ThenByDescending(p => p.Id),
        ProductSort.Newest => products.OrderByDescending(p => p.CreatedAt).ThenByDescending(p => p.Id),
        ProductSort.Oldest => products.OrderBy(p => p.CreatedAt).ThenBy(p => p.Id),
        ProductSort.NameDescending => products.OrderByDescending(p => p.Name).ThenByDescending(p => p.Id),
        _ => products.OrderBy(p => p.Name).ThenBy(p => p.Id),
    };
}
