namespace WebApp.Tests;

public class SmokeTests
{
    [Fact]
    public void Slug_is_lower_case_ascii() => Assert.Equal("creme-brulee-2", WebApp.Catalog.Slugs.From("Crème Brûlée 2!"));
}
