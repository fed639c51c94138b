namespace WebApp.Catalog;

/// <summary>The orders a visitor can list products in.</summary>
internal enum ProductSort
{
    Name,
    PriceAscending,
    PriceDescending,
    Newest,
    NameDescending,
    Oldest,
}

/// <summary>The <c>sort</c> query-string values of <see cref="ProductSort"/>.</summary>
internal static class ProductSorts
{
    public const ProductSort Default = ProductSort.Name;

    private static readonly IReadOnlyDictionary<ProductSort, string> QueryValues = new Dictionary<ProductSort, string>
    {
        [ProductSort.Name] = "name",
        [ProductSort.PriceAscending] = "price",
        [ProductSort.PriceDescending] = "-price",
        [ProductSort.Newest] = "newest",
        [ProductSort.NameDescending] = "-name",
        [ProductSort.Oldest] = "oldest",
    };

    /// <summary>Every accepted <c>sort</c> value, for messages and documentation.</summary>
    public static IReadOnlyList<string> AllQueryValues { get; } = [.. QueryValues.Values];

    /// <summary>Choices for the site's sort menu, in the order shown (the API accepts every value).</summary>
    public static IReadOnlyList<(string QueryValue, string Label)> Choices { get; } =
    [
        ("name", "Name"),
        ("price", "Price: low to high"),
        ("-price", "Price: high to low"),
        ("newest", "Newest first"),
    ];

    public static string ToQueryValue(this ProductSort sort) => QueryValues[sort];

    public static bool TryParse(string? queryValue, out ProductSort sort)
    {
        foreach (var (candidate, value) in QueryValues)
        {
            if (string.Equals(value, queryValue?.Trim(), StringComparison.OrdinalIgnoreCase))
            {
                sort = candidate;
                return true;
            }
        }
        sort = Default;
        return false;
    }
}
