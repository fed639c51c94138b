using Microsoft.AspNetCore.Http;
using WebApp.Catalog;
using WebApp.Site;

namespace WebApp.Pages.Shared;

/// <summary>A product list page for <c>_ProductList</c>: the results, their pager and the filter form's choices.</summary>
internal sealed class ProductListView
{
    public required ProductListResult Result { get; init; }
    public required Pager Pager { get; init; }

    /// <summary>Where the filter form and pager links go (the list's own address, without a query).</summary>
    public required string ListUrl { get; init; }

    /// <summary>Categories for the filter form; empty when the list is one category's page.</summary>
    public IReadOnlyList<CategoryLink> Categories { get; init; } = [];

    public ProductListCriteria Criteria => Result.Criteria;

    public static ProductListView Create(ProductListResult result, string listUrl, IReadOnlyList<CategoryLink>? categories = null) => new()
    {
        Result = result,
        ListUrl = listUrl,
        Categories = categories ?? [],
        Pager = Pager.Create(result.Page, result.PageCount, page => listUrl + QueryString.Create(result.Criteria.ToQuery(page))),
    };
}
