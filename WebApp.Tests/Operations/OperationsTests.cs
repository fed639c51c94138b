using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Hosting;
using WebApp.Tests.Infrastructure;

namespace WebApp.Tests.Operations;

/// <summary>Health endpoints, security headers, compression and static-file caching, over real HTTP.</summary>
public sealed partial class OperationsTests : IClassFixture<WebAppFactory>
{
    private readonly WebAppFactory _factory;

    public OperationsTests(WebAppFactory factory) => _factory = factory;

    [Fact]
    public async Task Healthz_and_readyz_answer_without_signing_in()
    {
        var client = _factory.CreateClient();

        using var live = await client.GetAsync("/healthz");
        using var ready = await client.GetAsync("/readyz");

        Assert.Equal(HttpStatusCode.OK, live.StatusCode);
        Assert.Equal("Healthy", await live.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
        Assert.Equal("Healthy", await ready.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Readyz_is_unavailable_until_the_database_is_migrated()
    {
        using var unmigrated = new WebAppFactory();
        // The server's own client: the factory's CreateClient would migrate first.
        var client = unmigrated.Server.CreateClient();

        using var live = await client.GetAsync("/healthz");
        using var ready = await client.GetAsync("/readyz");

        Assert.Equal(HttpStatusCode.OK, live.StatusCode);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, ready.StatusCode);
        Assert.Equal("Unhealthy", await ready.Content.ReadAsStringAsync());
    }

    [Theory]
    [InlineData("/")]
    [InlineData("/products")]
    [InlineData("/api/docs")]
    [InlineData("/no-such-page")]
    [InlineData("/css/site.css")]
    [InlineData("/healthz")]
    public async Task Every_response_carries_the_security_headers(string path)
    {
        using var response = await _factory.CreateClient().GetAsync(path);

        var csp = Assert.Single(response.Headers.GetValues("Content-Security-Policy"));
        Assert.Contains("script-src 'self';", csp);
        Assert.Contains("style-src 'self';", csp);
        Assert.Contains("frame-ancestors 'none'", csp);
        Assert.DoesNotContain("unsafe-inline", csp);
        Assert.Equal("nosniff", Assert.Single(response.Headers.GetValues("X-Content-Type-Options")));
        Assert.Equal("strict-origin-when-cross-origin", Assert.Single(response.Headers.GetValues("Referrer-Policy")));
        Assert.Contains("camera=()", Assert.Single(response.Headers.GetValues("Permissions-Policy")));
    }

    [Theory]
    [InlineData("/")]
    [InlineData("/products")]
    [InlineData("/api/docs")]
    [InlineData("/Identity/Account/Login")]
    public async Task Pages_hold_no_inline_script_or_style_the_policy_would_block(string path)
    {
        using var response = await _factory.CreateClient().GetAsync(path);
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.DoesNotMatch(InlineScript(), html);
        Assert.DoesNotMatch(InlineStyle(), html);
    }

    [Theory]
    [InlineData("br")]
    [InlineData("gzip")]
    public async Task Stylesheets_and_pages_are_compressed(string encoding)
    {
        var client = _factory.CreateClient();
        foreach (var path in new[] { "/lib/bootstrap/css/bootstrap.min.css", "/products" })
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, path);
            request.Headers.AcceptEncoding.ParseAdd(encoding);
            using var response = await client.SendAsync(request);

            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Equal([encoding], response.Content.Headers.ContentEncoding);
        }
    }

    [Fact]
    public async Task Versioned_static_files_are_cached_for_a_year_others_for_an_hour()
    {
        var client = _factory.CreateClient();
        var page = await client.GetStringAsync("/");
        var versioned = VersionedStylesheet().Match(page);
        Assert.True(versioned.Success, "The layout links its stylesheet with asp-append-version.");

        using var withVersion = await client.GetAsync(WebUtility.HtmlDecode(versioned.Groups["href"].Value));
        using var withoutVersion = await client.GetAsync("/css/site.css");

        Assert.Equal("public, max-age=31536000, immutable", withVersion.Headers.CacheControl!.ToString());
        Assert.Equal("public, max-age=3600", withoutVersion.Headers.CacheControl!.ToString());
    }

    [Fact]
    public async Task Production_sends_hsts_for_a_year_host_prefixed_secure_cookies_and_redirects_to_https()
    {
        using var production = new ProductionFactory();
        var client = production.CreateClient(new() { BaseAddress = new Uri("https://shop.example.com"), AllowAutoRedirect = false });

        using var login = await client.GetAsync("/Identity/Account/Login");

        Assert.Equal(HttpStatusCode.OK, login.StatusCode);
        Assert.Equal("max-age=31536000; includeSubDomains", Assert.Single(login.Headers.GetValues("Strict-Transport-Security")));
        var antiforgery = Assert.Single(login.Headers.GetValues("Set-Cookie"), c => c.StartsWith("__Host-WebApp.Antiforgery=", StringComparison.Ordinal));
        Assert.Contains("secure", antiforgery, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("path=/", antiforgery, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("domain=", antiforgery, StringComparison.OrdinalIgnoreCase);

        using var plain = await production.CreateClient(new() { BaseAddress = new Uri("http://shop.example.com"), AllowAutoRedirect = false }).GetAsync("/products");
        Assert.Equal(HttpStatusCode.TemporaryRedirect, plain.StatusCode);
        Assert.Equal("https://shop.example.com/products", plain.Headers.Location!.ToString());
    }

    [Fact]
    public async Task The_instance_is_named_in_X_Instance_only_when_configured()
    {
        using var named = new NamedInstanceFactory();

        using var fromNamed = await named.CreateClient().GetAsync("/products");
        using var fromUnnamed = await _factory.CreateClient().GetAsync("/products");

        Assert.Equal("app7", Assert.Single(fromNamed.Headers.GetValues("X-Instance")));
        Assert.False(fromUnnamed.Headers.Contains("X-Instance"));
    }

    private sealed class NamedInstanceFactory : WebAppFactory
    {
        protected override IDictionary<string, string?> ExtraSettings =>
            new Dictionary<string, string?> { ["Operations:InstanceName"] = "app7" };
    }

    /// <summary>Production with the settings it requires (an SMTP host).</summary>
    private sealed class ProductionFactory : WebAppFactory
    {
        protected override IDictionary<string, string?> ExtraSettings => new Dictionary<string, string?>
        {
            ["Email:Smtp:Host"] = "smtp.example.com",
            ["Email:Smtp:UserName"] = "shop",
            ["Email:Smtp:Password"] = "secret",
        };

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.UseEnvironment("Production");
        }
    }

    [GeneratedRegex(@"<script(?![^>]*\bsrc=)[^>]*>", RegexOptions.IgnoreCase)]
    private static partial Regex InlineScript();

    [GeneratedRegex(@"<style\b|\sstyle=""|\son[a-z]+=""", RegexOptions.IgnoreCase)]
    private static partial Regex InlineStyle();

    [GeneratedRegex(@"href=""(?<href>/css/site\.css\?v=[^""]+)""")]
    private static partial Regex VersionedStylesheet();
}
