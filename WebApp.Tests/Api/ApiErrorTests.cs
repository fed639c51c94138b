using System.Net;
using System.Net.Http.Headers;
using Microsoft.EntityFrameworkCore;
using WebApp.Tests.Infrastructure;

namespace WebApp.Tests.Api;

/// <summary>Every error under /api is a problem (never HTML, never a stack trace); the site's own pages keep theirs.</summary>
public class ApiErrorTests(ApiFactory factory) : IClassFixture<ApiFactory>
{
    [Fact]
    public async Task Hello_answers_hello()
    {
        using var response = await factory.CreateClient().GetAsync("/api/hello");

        var body = await response.ExpectJsonAsync();
        Assert.Equal(["message"], body.PropertyNames());
        Assert.Equal("Hello, World!", body.GetProperty("message").GetString());
    }

    [Theory]
    [InlineData("/api/no-such-thing")]
    [InlineData("/api/products/1/reviews")]
    [InlineData("/api")]
    public async Task An_unknown_api_address_is_a_404_problem_even_for_a_browser(string url)
    {
        var client = factory.CreateClient();
        client.DefaultRequestHeaders.Accept.Add(new MediaTypeWithQualityHeaderValue("text/html"));

        using var response = await client.GetAsync(url);

        await response.ExpectProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task A_method_the_endpoint_does_not_take_is_a_405_problem()
    {
        using var response = await factory.CreateClient().DeleteAsync("/api/hello");

        await response.ExpectProblemAsync(HttpStatusCode.MethodNotAllowed);
    }

    [Fact]
    public async Task A_query_parameter_on_an_endpoint_without_any_is_a_400()
    {
        using var response = await factory.CreateClient().GetAsync("/api/hello?name=me");

        Assert.Equal(["This endpoint takes no query parameters."], (await response.ExpectProblemAsync(HttpStatusCode.BadRequest)).FieldErrors("name"));
    }

    [Fact]
    public async Task The_sites_pages_keep_their_html_error_pages_and_login_redirects()
    {
        var client = factory.CreateBrowserClient();

        using var missing = await client.GetAsync("/products/no-such-product-anywhere");
        using var manage = await client.GetAsync("/Identity/Account/Manage");

        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        Assert.Equal("text/html", missing.Content.Headers.ContentType?.MediaType);
        Assert.NotNull((await missing.ReadHtmlAsync()).QuerySelector("main"));
        Assert.Equal(HttpStatusCode.Redirect, manage.StatusCode);
        Assert.StartsWith("/Identity/Account/Login", manage.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
    }
}

/// <summary>A failure inside the app: a 500 problem with no detail of the exception (on its own app, whose database is broken on purpose).</summary>
public sealed class ApiServerErrorTests : IDisposable
{
    private readonly ApiFactory _factory = new();

    public void Dispose() => _factory.Dispose();

    [Fact]
    public async Task An_exception_is_a_500_problem_without_a_stack_trace()
    {
        await _factory.WithDbAsync(db => db.Database.ExecuteSqlRawAsync("DROP TABLE \"ApiTokens\""));
        var client = _factory.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", "webapp_aaaaaaaaaaaa_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA");

        using var response = await client.GetAsync("/api/hello");

        var problem = await response.ExpectProblemAsync(HttpStatusCode.InternalServerError);
        Assert.Equal("/api/hello", problem.GetProperty("instance").GetString());
        var text = problem.ToString();
        Assert.DoesNotContain("ApiTokens", text, StringComparison.Ordinal);
        Assert.DoesNotContain("Exception", text, StringComparison.Ordinal);
    }
}
