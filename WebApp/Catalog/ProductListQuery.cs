using AutoMapper.QueryableExtensions;
using Microsoft.EntityFrameworkCore;
using WebApp.Data;

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

/// <summary>Lists active products for the shop: filters, sorts and pages in SQL, reading only the listed columns.</summary>
internal sealed class ProductListQuery(AppDbContext db, AutoMapper.IConfigurationProvider mapping)
{
    public const int PageSize = 24;
    private const string LikeEscape = "\\";

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

    /// <summary>A LIKE pattern that finds <paramref name="text"/> anywhere, its own % and _ taken literally.</summary>
    public static string ContainsPattern(string text) =>
        "%" + text.Replace(LikeEscape, LikeEscape + LikeEscape).Replace("%", LikeEscape + "%").Replace("_", LikeEscape + "_") + "%";

    /// <summary>The active products that match, unsorted.</summary>
    internal IQueryable<Product> Matching(ProductListCriteria criteria, int? categoryId)
    {
        var products = db.Products.AsNoTracking().WhereActive();
        if (categoryId is { } id)
            products = products.Where(p => p.CategoryId == id);
        if (criteria.Search is { } search)
        {
            var pattern = ContainsPattern(search);
            products = products.Where(p =>
                EF.Functions.Like(p.Name, pattern, LikeEscape)
                || EF.Functions.Like(p.Sku, pattern, LikeEscape)
                || EF.Functions.Like(p.Description!, pattern, LikeEscape));
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
        var products = Matching(criteria, categoryId);
        var totalCount = await products.CountAsync(cancellationToken);
        var pageCount = Math.Max(1, (totalCount + PageSize - 1) / PageSize);
        var page = criteria.Page;
        if (page > pageCount)
        {
            messages.Add($"Page {page} does not exist; showing the last page.");
            page = pageCount;
        }

        var items = await PageOf(products, criteria.Sort, page).ToListAsync(cancellationToken);

        return new ProductListResult
        {
            Criteria = criteria with { Page = page },
            Items = items,
            TotalCount = totalCount,
            Page = page,
            PageCount = pageCount,
            Messages = messages,
        };
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
