using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Primitives;
using WebApp.Catalog;

namespace WebApp.Tests.Catalog;

public class ProductListCriteriaTests
{
    private static ProductListCriteria Parse(params (string Key, string Value)[] query) =>
        ProductListCriteria.FromQuery(new QueryCollection(query.ToDictionary(pair => pair.Key, pair => new StringValues(pair.Value))));

    [Fact]
    public void An_empty_query_asks_for_page_one_of_everything_by_name()
    {
        var criteria = Parse();

        Assert.Null(criteria.Search);
        Assert.Null(criteria.CategorySlug);
        Assert.Null(criteria.MinPrice);
        Assert.Null(criteria.MaxPrice);
        Assert.Equal("name", criteria.Sort.ToQueryValue());
        Assert.Equal(1, criteria.Page);
        Assert.Empty(criteria.Messages);
        Assert.Empty(criteria.ToQuery(1));
    }

    [Theory]
    [InlineData("name", "name")]
    [InlineData("PRICE", "price")]
    [InlineData("-price", "-price")]
    [InlineData(" newest ", "newest")]
    [InlineData("price desc", "name")]
    public void Reads_the_sort(string value, string expected) => Assert.Equal(expected, Parse(("sort", value)).Sort.ToQueryValue());

    [Theory]
    [InlineData("1.5", "1.5")]
    [InlineData("1,000", "1000")]
    [InlineData(" 7 ", "7")]
    [InlineData("1.001", "1.01")] // a minimum between cents rounds up ...
    public void Reads_a_minimum_price_in_invariant_culture(string value, string expected)
    {
        var criteria = Parse(("minPrice", value));

        Assert.Equal(decimal.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), criteria.MinPrice);
        Assert.Empty(criteria.Messages);
    }

    [Fact]
    public void A_maximum_between_cents_rounds_down() => Assert.Equal(1.00m, Parse(("maxPrice", "1.009")).MaxPrice);

    [Fact]
    public void Equal_minimum_and_maximum_are_fine()
    {
        var criteria = Parse(("minPrice", "5"), ("maxPrice", "5.00"));

        Assert.Equal((5m, 5m), (criteria.MinPrice!.Value, criteria.MaxPrice!.Value));
        Assert.Empty(criteria.Messages);
    }

    [Fact]
    public void A_long_search_is_cut_without_splitting_a_surrogate_pair()
    {
        var search = new string('a', 199) + "\U0001F600" + "tail";

        var criteria = Parse(("q", search));

        Assert.Equal(new string('a', 199), criteria.Search);
        Assert.Single(criteria.Messages);
    }

    [Fact]
    public void Round_trips_through_its_query_string()
    {
        var criteria = Parse(("q", " red shoes "), ("category", "shoes"), ("minPrice", "1.50"), ("maxPrice", "20"), ("sort", "-price"), ("page", "3"));

        Assert.Equal(
            [new("q", "red shoes"), new("category", "shoes"), new("minPrice", "1.5"), new("maxPrice", "20"), new("sort", "-price"), new("page", "2")],
            criteria.ToQuery(2));
        Assert.Equal(3, criteria.Page);
    }
}
