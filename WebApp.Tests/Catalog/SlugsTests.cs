using WebApp.Catalog;

namespace WebApp.Tests.Catalog;

public class SlugsTests
{
    [Theory]
    [InlineData("Crème Brûlée 2!", "creme-brulee-2")]
    [InlineData("  Red   Shoes ", "red-shoes")]
    [InlineData("<script>", "script")]
    public void From_makes_lower_case_ascii_slugs(string text, string expected) => Assert.Equal(expected, Slugs.From(text));
}
