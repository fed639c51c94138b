using System.Net;
using WebApp.Tests.Accounts;

namespace WebApp.Tests.Operations;

/// <summary>
/// X-Forwarded-For is believed only from the addresses in Proxy:KnownProxies (not even from loopback otherwise). The
/// probe is /metrics, which only loopback may read: what the app takes for the client's address decides the answer.
/// </summary>
public sealed class ForwardedHeadersTests
{
    [Fact]
    public async Task A_forwarded_address_is_believed_from_the_configured_proxy_and_ignored_from_anyone_else()
    {
        using var factory = new AccountsFactory
        {
            MoreSettings = new Dictionary<string, string?> { ["Proxy:KnownProxies:0"] = "10.0.0.2" },
        };

        using var fromProxy = await MetricsAsync(factory, from: "10.0.0.2", forwardedFor: "127.0.0.1");
        using var fromStranger = await MetricsAsync(factory, from: "198.51.100.7", forwardedFor: "127.0.0.1");
        using var fromLoopback = await MetricsAsync(factory, from: "127.0.0.1", forwardedFor: "203.0.113.9");

        Assert.Equal(HttpStatusCode.OK, fromProxy.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, fromStranger.StatusCode);
        Assert.Equal(HttpStatusCode.OK, fromLoopback.StatusCode);
    }

    private static Task<HttpResponseMessage> MetricsAsync(AccountsFactory factory, string from, string forwardedFor)
    {
        var client = factory.ClientFrom(from);
        client.DefaultRequestHeaders.Add("X-Forwarded-For", forwardedFor);
        return client.GetAsync("/metrics");
    }
}
