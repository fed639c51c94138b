using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using WebApp.Tests.Shop;

namespace WebApp.Tests.Api;

/// <summary>Failed bearer tokens spend the caller's anonymous budget; a 429's Retry-After is the time left in the window.</summary>
public sealed class FailedCredentialsRateLimitTests : IDisposable
{
    private readonly ClockedApiFactory _factory = new();

    public void Dispose() => _factory.Dispose();

    private sealed class ClockedApiFactory : ApiFactory
    {
        public ManualClock Clock { get; } = new();

        protected override int PermitLimit => RateLimitedApiFactory.Limit;

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.ConfigureTestServices(services => services.AddSingleton<TimeProvider>(Clock));
        }
    }

    [Fact]
    public async Task Bad_tokens_are_counted_against_the_address_and_then_refused_with_the_time_left()
    {
        var guesser = _factory.CreateBearerClient("webapp_AAAAAAAAAAAA_" + new string('A', 43));
        for (var i = 0; i < RateLimitedApiFactory.Limit; i++)
        {
            using var unauthorized = await guesser.GetAsync("/api/hello");
            await unauthorized.ExpectProblemAsync(HttpStatusCode.Unauthorized);
        }

        _factory.Clock.Advance(TimeSpan.FromMinutes(20));
        using var refused = await guesser.GetAsync("/api/hello");
        using var anonymous = await _factory.CreateClient().GetAsync("/api/hello");

        var problem = await refused.ExpectProblemAsync(HttpStatusCode.TooManyRequests);
        Assert.Equal(TimeSpan.FromMinutes(40), refused.Headers.RetryAfter?.Delta);
        Assert.Equal("Too many requests. Try again in 40 minutes.", problem.GetProperty("detail").GetString());
        await anonymous.ExpectProblemAsync(HttpStatusCode.TooManyRequests);
        Assert.Equal(TimeSpan.FromMinutes(40), anonymous.Headers.RetryAfter?.Delta);

        _factory.Clock.Advance(TimeSpan.FromMinutes(40));
        using var renewed = await _factory.CreateClient().GetAsync("/api/hello");
        await renewed.ExpectJsonAsync();
    }
}
