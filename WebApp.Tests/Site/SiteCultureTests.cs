using System.Globalization;
using WebApp.Tests.Infrastructure;

namespace WebApp.Tests.Site;

public class SiteCultureTests
{
    private sealed class GermanSite : WebAppFactory
    {
        protected override IDictionary<string, string?> ExtraSettings => new Dictionary<string, string?> { ["Site:Culture"] = "de-DE" };
    }

    private sealed class MisconfiguredSite : WebAppFactory
    {
        protected override IDictionary<string, string?> ExtraSettings => new Dictionary<string, string?> { ["Site:Culture"] = "xx-Nowhere" };
    }

    [Fact]
    public async Task Prices_follow_the_configured_culture_while_query_values_stay_invariant()
    {
        using var site = new GermanSite();
        var catalog = new CatalogBuilder();
        catalog.Product("Brezel", 1234.5m);
        catalog.Product("Kaese", 2m);
        await catalog.SaveAsync(site);

        var page = await site.CreateClient().GetHtmlAsync("/products?minPrice=1000.5");

        Assert.Equal([1234.5m.ToString("C", CultureInfo.GetCultureInfo("de-DE"))], ProductListHtml.Prices(page));
        Assert.StartsWith("1.234,50", ProductListHtml.Prices(page)[0]);
        Assert.Empty(ProductListHtml.Messages(page));
    }

    [Fact]
    public void An_unknown_culture_stops_the_site_from_starting_with_a_clear_message()
    {
        using var site = new MisconfiguredSite();

        var error = Assert.ThrowsAny<Exception>(() => site.CreateClient());

        Assert.Contains("Site:Culture \"xx-Nowhere\"", error.ToString());
    }
}
