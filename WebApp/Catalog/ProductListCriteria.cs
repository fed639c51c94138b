using System.Globalization;
using Microsoft.AspNetCore.Http;

namespace WebApp.Catalog;

/// <summary>
/// What a visitor asked the product list for, checked. A bad value is dropped (or cut down) and explained in
/// <see cref="Messages"/>, so a hand-edited address still gets a normal page.
/// </summary>
internal sealed record ProductListCriteria
{
    public const int MaxSearchLength = 200;
    public const decimal HighestPrice = 99_999_999.99m;

    public string? Search { get; init; }
    public string? CategorySlug { get; init; }
    public decimal? MinPrice { get; init; }
    public decimal? MaxPrice { get; init; }
    public ProductSort Sort { get; init; } = ProductSorts.Default;
    public int Page { get; init; } = 1;
    public IReadOnlyList<string> Messages { get; init; } = [];

    /// <summary>Reads <c>q</c>, <c>category</c>, <c>minPrice</c>, <c>maxPrice</c>, <c>sort</c> and <c>page</c>.</summary>
    public static ProductListCriteria FromQuery(IQueryCollection query)
    {
        var messages = new List<string>();
        var minPrice = ParsePrice(First(query, "minPrice"), "Minimum price", roundUp: true, messages);
        var maxPrice = ParsePrice(First(query, "maxPrice"), "Maximum price", roundUp: false, messages);
        if (minPrice > maxPrice)
        {
            messages.Add("Minimum price is more than maximum price, so the price range was ignored.");
            minPrice = maxPrice = null;
        }

        ProductSorts.TryParse(First(query, "sort"), out var sort);
        return new ProductListCriteria
        {
            Search = ParseSearch(First(query, "q"), messages),
            CategorySlug = NullIfBlank(First(query, "category")),
            MinPrice = minPrice,
            MaxPrice = maxPrice,
            Sort = sort,
            // A page that is not a positive whole number is an old or mistyped link: page 1 answers it well enough.
            Page = int.TryParse(First(query, "page"), NumberStyles.None, CultureInfo.InvariantCulture, out var page) && page > 0 ? page : 1,
            Messages = messages,
        };
    }

    /// <summary>The query string that asks for these criteria again on <paramref name="page"/>; defaults are left out.</summary>
    public IEnumerable<KeyValuePair<string, string?>> ToQuery(int page)
    {
        if (Search is not null) yield return new("q", Search);
        if (CategorySlug is not null) yield return new("category", CategorySlug);
        if (MinPrice is { } min) yield return new("minPrice", min.ToString("0.##", CultureInfo.InvariantCulture));
        if (MaxPrice is { } max) yield return new("maxPrice", max.ToString("0.##", CultureInfo.InvariantCulture));
        if (Sort != ProductSorts.Default) yield return new("sort", Sort.ToQueryValue());
        if (page > 1) yield return new("page", page.ToString(CultureInfo.InvariantCulture));
    }

    private static string? First(IQueryCollection query, string key) =>
        query.TryGetValue(key, out var values) && values.Count > 0 ? values[0] : null;

    private static string? NullIfBlank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    private static string? ParseSearch(string? raw, List<string> messages)
    {
        var search = NullIfBlank(raw);
        if (search is null || search.Length <= MaxSearchLength) return search;

        // Never cut a surrogate pair in half.
        var length = char.IsHighSurrogate(search[MaxSearchLength - 1]) ? MaxSearchLength - 1 : MaxSearchLength;
        messages.Add($"Search text is limited to {MaxSearchLength} characters; searched for the first {MaxSearchLength}.");
        return NullIfBlank(search[..length]);
    }

    private static decimal? ParsePrice(string? raw, string label, bool roundUp, List<string> messages)
    {
        if (string.IsNullOrWhiteSpace(raw)) return null;
        // Query strings are culture-invariant, as number inputs send them.
        if (!decimal.TryParse(raw, NumberStyles.Number, CultureInfo.InvariantCulture, out var price) || price < 0)
        {
            messages.Add($"{label} must be a number of 0 or more.");
            return null;
        }
        if (price > HighestPrice)
        {
            messages.Add($"{label} must be at most {HighestPrice.ToString("N2", CultureInfo.InvariantCulture)}.");
            return null;
        }
        // Prices are whole cents: a minimum of 1.001 means 1.01, a maximum of 1.009 means 1.00.
        var cents = price * 100m;
        return (roundUp ? decimal.Ceiling(cents) : decimal.Floor(cents)) / 100m;
    }
}
