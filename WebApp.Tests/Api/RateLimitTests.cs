using System.Net;

namespace WebApp.Tests.Api;

/// <summary>The built-in rate limiter on /api, with the small limits of <see cref="RateLimitedApiFactory"/>.</summary>
public sealed class RateLimitTests : IDisposable
{
    private readonly RateLimitedApiFactory _factory = new();

    public void Dispose() => _factory.Dispose();

    [Fact]
    public async Task Past_the_limit_an_anonymous_caller_gets_429_with_retry_after()
    {
        var client = _factory.CreateClient();
        for (var i = 0; i < RateLimitedApiFactory.Limit; i++)
        {
            using var allowed = await client.GetAsync("/api/hello");
            await allowed.ExpectJsonAsync();
        }

        using var refused = await client.GetAsync("/api/hello");

        var problem = await refused.ExpectProblemAsync(HttpStatusCode.TooManyRequests);
        var retryAfter = refused.Headers.RetryAfter?.Delta;
        Assert.NotNull(retryAfter);
        Assert.InRange(retryAfter.Value, TimeSpan.FromSeconds(1), TimeSpan.FromHours(1));
        Assert.StartsWith("Too many requests.", problem.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task Each_token_has_its_own_higher_limit()
    {
        var (first, _) = await _factory.UserClientAsync($"first-{ApiTestData.Unique()}@example.com");
        var (second, _) = await _factory.UserClientAsync($"second-{ApiTestData.Unique()}@example.com");
        for (var i = 0; i < RateLimitedApiFactory.Limit; i++)
            (await _factory.CreateClient().GetAsync("/api/hello")).Dispose();

        var allowed = 0;
        HttpResponseMessage? refused = null;
        while (refused is null && allowed < 100)
        {
            var response = await first.GetAsync("/api/hello");
            if (response.StatusCode == HttpStatusCode.OK) { allowed++; response.Dispose(); }
            else refused = response;
        }
        using var otherToken = await second.GetAsync("/api/hello");

        Assert.Equal(RateLimitedApiFactory.Limit * 2, allowed);
        await refused!.ExpectProblemAsync(HttpStatusCode.TooManyRequests);
        await otherToken.ExpectJsonAsync();
    }

    [Fact]
    public async Task The_sites_pages_are_not_limited()
    {
        var client = _factory.CreateClient();
        for (var i = 0; i < RateLimitedApiFactory.Limit + 2; i++)
        {
            using var response = await client.GetAsync("/categories");
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }
    }
}
