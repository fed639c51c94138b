using System.Net;
using Microsoft.EntityFrameworkCore;
using WebApp.Tests.Infrastructure;
using static WebApp.Tests.Infrastructure.HtmlForms;

namespace WebApp.Tests.Admin;

public class AdminSecurityTests : AdminTestBase
{
    private const string Script = "<script>alert(1)</script>";
    private const string Escaped = "&lt;script&gt;alert(1)&lt;/script&gt;";

    [Theory]
    [InlineData("/admin/")]
    [InlineData("/admin/catalog/product/")]
    [InlineData("/admin/nothing/here/")]
    public async Task Admin_responses_are_not_cached_and_cannot_be_framed(string url)
    {
        var client = await SuperuserAsync();

        using var response = await client.GetAsync(url);

        Assert.Equal("no-store", response.Headers.CacheControl!.ToString());
        Assert.Equal("DENY", response.Headers.GetValues("X-Frame-Options").Single());
        Assert.Contains("frame-ancestors 'none'", response.Headers.GetValues("Content-Security-Policy").Single());
    }

    [Fact]
    public async Task Refusals_carry_the_same_headers()
    {
        var anonymous = Factory.CreateBrowserClient();
        using var login = await anonymous.GetAsync("/admin/catalog/product/");
        Assert.Equal("no-store", login.Headers.CacheControl!.ToString());

        var customer = await Factory.LoggedInClientAsync("customer@example.com", staff: false);
        using var forbidden = await customer.GetAsync("/admin/");
        Assert.Equal("DENY", forbidden.Headers.GetValues("X-Frame-Options").Single());
    }

    [Fact]
    public async Task A_post_without_an_antiforgery_token_is_refused_and_changes_nothing()
    {
        var category = await Factory.AddCategoryAsync("Shoes");
        var client = await SuperuserAsync();
        var form = (await client.GetHtmlAsync($"/admin/catalog/category/{category.Id}/change/")).FormValues("#category_form")
            .With("Name", "Hacked").Without("__RequestVerificationToken");

        using var response = await client.PostAsync($"/admin/catalog/category/{category.Id}/change/", new FormUrlEncodedContent(form));
        using var add = await client.PostAsync("/admin/catalog/tag/add/", new FormUrlEncodedContent([Field("Name", "Evil"), Field("Slug", "evil")]));
        using var action = await client.PostAsync("/admin/catalog/category/", new FormUrlEncodedContent([Field("action", "delete_selected"), Field("_selected_action", category.Id.ToString()), Field("post", "yes")]));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("could not be verified", Text((await response.ReadHtmlAsync()).QuerySelector("main")!));
        Assert.Equal(HttpStatusCode.BadRequest, add.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, action.StatusCode);
        Assert.Equal("Shoes", await Factory.WithDbAsync(db => db.Categories.Select(c => c.Name).SingleAsync()));
        Assert.Equal(0, await Factory.WithDbAsync(db => db.Tags.CountAsync()));
    }

    [Fact]
    public async Task A_script_in_a_name_is_text_everywhere()
    {
        var client = await SuperuserAsync();
        using (var added = await client.PostWithTokenAsync("/admin/catalog/category/add/?_changelist_filters=q%3D1",
                   [Field("Name", Script), Field("Slug", "scripted"), Field("Description", Script), Field("_continue", "1")]))
        {
            Assert.Equal(HttpStatusCode.Redirect, added.StatusCode);
            var changePage = await client.GetAsync(Location(added));
            var changeHtml = await changePage.Content.ReadAsStringAsync();
            AssertEscaped(changeHtml);
            Assert.Contains("The category \"" + Escaped, changeHtml.Replace("&quot;", "\""));
        }
        var id = await Factory.WithDbAsync(db => db.Categories.Select(c => c.Id).SingleAsync());
        using (await client.PostWithTokenAsync($"/admin/catalog/category/{id}/change/",
                   (await client.GetHtmlAsync($"/admin/catalog/category/{id}/change/")).FormValues("#category_form").With("Description", "changed"))) { }

        foreach (var url in new[] { "/admin/catalog/category/", $"/admin/catalog/category/{id}/change/", $"/admin/catalog/category/{id}/delete/",
                     $"/admin/catalog/category/{id}/history/", "/admin/", "/admin/catalog/category/?q=" + Uri.EscapeDataString(Script) })
        {
            using var response = await client.GetAsync(url);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            AssertEscaped(await response.Content.ReadAsStringAsync());
        }

        var change = await client.GetHtmlAsync($"/admin/catalog/category/{id}/change/");
        Assert.Equal(Script, change.QuerySelectorAll(".breadcrumb li").Last().TextContent.Trim());
        var history = await client.GetHtmlAsync($"/admin/catalog/category/{id}/history/");
        Assert.Equal($"Change history: {Script} | WebApp site admin", history.Title);
        Assert.Contains(history.QuerySelectorAll(".old-value"), v => v.TextContent == Script);
    }

    private static void AssertEscaped(string html)
    {
        Assert.DoesNotContain(Script, html);
        Assert.Contains(Escaped, html);
    }
}
