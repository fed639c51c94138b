using System.Net;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using WebApp.Accounts;
using WebApp.Tests.Infrastructure;

namespace WebApp.Tests.Site;

public class LayoutTests : IDisposable
{
    private readonly WebAppFactory _factory = new();

    public void Dispose() => _factory.Dispose();

    [Fact]
    public async Task Signed_out_visitors_get_login_and_register_links()
    {
        var page = await _factory.CreateClient().GetHtmlAsync("/");
        var navigation = page.QuerySelector("header nav")!;

        Assert.Equal("Log in", navigation.QuerySelector("a[href='/Identity/Account/Login']")?.TextContent.Trim());
        Assert.Equal("Register", navigation.QuerySelector("a[href='/Identity/Account/Register']")?.TextContent.Trim());
        Assert.Null(navigation.QuerySelector("form[action*='Logout']"));
    }

    [Fact]
    public async Task Is_accessible_and_marks_the_current_section()
    {
        var page = await _factory.CreateClient().GetHtmlAsync("/products");

        Assert.Equal("en", page.DocumentElement.GetAttribute("lang"));
        Assert.Equal("#main", page.QuerySelector("body > a")!.GetAttribute("href"));
        Assert.NotNull(page.QuerySelector("main#main"));
        Assert.NotNull(page.QuerySelector("footer"));
        Assert.Equal(["Home", "Products", "Categories"], page.QuerySelectorAll("header .navbar-nav.me-auto a").Select(link => link.TextContent.Trim()));
        Assert.Equal(["Products"], page.QuerySelectorAll("header [aria-current=page]").Select(link => link.TextContent.Trim()));
        Assert.NotNull(page.QuerySelector("label[for=navbar-search]"));
    }

    [Fact]
    public async Task Bootstrap_is_served_from_the_site_itself()
    {
        var client = _factory.CreateClient();
        var page = await client.GetHtmlAsync("/");
        var assets = page.QuerySelectorAll("link[rel=stylesheet]").Select(link => link.GetAttribute("href")!)
            .Concat(page.QuerySelectorAll("script[src]").Select(script => script.GetAttribute("src")!))
            .ToList();

        Assert.Contains(assets, asset => asset.StartsWith("/lib/bootstrap/css/bootstrap.min.css"));
        Assert.Contains(assets, asset => asset.StartsWith("/lib/bootstrap/js/bootstrap.bundle.min.js"));
        foreach (var asset in assets)
        {
            Assert.StartsWith("/", asset);
            Assert.False(asset.StartsWith("//"), asset);
            using var response = await client.GetAsync(asset);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }
    }

    [Fact]
    public async Task Signed_in_users_see_their_name_and_a_logout_form_that_posts_home()
    {
        await using (var scope = _factory.Services.CreateAsyncScope())
        {
            _factory.EnsureMigrated();
            var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
            var created = await users.CreateAsync(new ApplicationUser { UserName = "ann@example.com", Email = "ann@example.com" }, "Correct-horse-1");
            Assert.True(created.Succeeded, string.Join("; ", created.Errors.Select(error => error.Description)));
        }
        var client = _factory.CreateBrowserClient();
        using var login = await client.PostFormAsync("/Identity/Account/Login", new Dictionary<string, string>
        {
            ["Input.Email"] = "ann@example.com",
            ["Input.Password"] = "Correct-horse-1",
        }, formSelector: "form#account");
        Assert.Equal(HttpStatusCode.Redirect, login.StatusCode);

        var page = await client.GetHtmlAsync("/products");
        var navigation = page.QuerySelector("header nav")!;
        Assert.Equal("ann@example.com", navigation.QuerySelector("a[href='/Identity/Account/Manage']")?.TextContent.Trim());
        Assert.Null(navigation.QuerySelector("a[href='/Identity/Account/Login']"));
        var logout = navigation.QuerySelector("form[action*='/Identity/Account/Logout']")!;
        Assert.Equal("post", logout.GetAttribute("method"));
        Assert.Equal("/Identity/Account/Logout?returnUrl=%2F", logout.GetAttribute("action"));

        using var loggedOut = await client.PostAsync(logout.GetAttribute("action"), new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = page.AntiforgeryToken("header form[action*='Logout']"),
        }));
        Assert.Equal(HttpStatusCode.Redirect, loggedOut.StatusCode);
        Assert.Equal("/", loggedOut.Headers.Location?.OriginalString);
        var after = await client.GetHtmlAsync("/");
        Assert.NotNull(after.QuerySelector("header a[href='/Identity/Account/Login']"));
    }
}
