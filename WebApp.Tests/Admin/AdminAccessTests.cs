using System.Net;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using WebApp.Accounts;
using WebApp.Tests.Infrastructure;

namespace WebApp.Tests.Admin;

public class AdminAccessTests : AdminTestBase
{
    [Theory]
    [InlineData("/admin/")]
    [InlineData("/admin/catalog/product/")]
    [InlineData("/admin/catalog/product/1/change/")]
    [InlineData("/admin/no/such/page/")]
    public async Task Anonymous_users_are_sent_to_the_login_page_with_a_return_url(string url)
    {
        var client = Factory.CreateBrowserClient();

        using var response = await client.GetAsync(url);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var location = Location(response);
        Assert.StartsWith("http://localhost/Identity/Account/Login?ReturnUrl=", location);
        Assert.Contains(Uri.EscapeDataString(url), location);
    }

    [Fact]
    public async Task A_signed_in_user_without_staff_status_gets_a_403_page_saying_so()
    {
        var client = await Factory.LoggedInClientAsync("customer@example.com", staff: false);

        var (response, page) = await GetAsync(client, "/admin/");

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Contains("logged in", page.QuerySelector("main")!.TextContent);
        Assert.Contains("not authorised", page.QuerySelector("main")!.TextContent);
    }

    [Fact]
    public async Task An_inactive_staff_member_is_refused()
    {
        var client = await StaffAsync("inactive@example.com", "catalog.view_product");
        await Factory.UpdateUserAsync("inactive@example.com", u => u.IsActive = false);

        using var response = await client.GetAsync("/admin/catalog/product/");

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Fact]
    public async Task Revoking_staff_status_takes_effect_on_the_next_request()
    {
        var client = await StaffAsync("staff@example.com", "catalog.view_product");
        using (var before = await client.GetAsync("/admin/catalog/product/")) Assert.Equal(HttpStatusCode.OK, before.StatusCode);

        await Factory.UpdateUserAsync("staff@example.com", u => u.IsStaff = false);

        using var after = await client.GetAsync("/admin/catalog/product/");
        Assert.Equal(HttpStatusCode.Forbidden, after.StatusCode);
    }

    [Fact]
    public async Task A_changed_security_stamp_ends_admin_access_on_the_next_request()
    {
        var client = await StaffAsync("staff@example.com", "catalog.view_product");

        await using (var scope = Factory.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
            await users.UpdateSecurityStampAsync((await users.FindByEmailAsync("staff@example.com"))!);
        }

        using var response = await client.GetAsync("/admin/catalog/product/");
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Fact]
    public async Task Staff_without_the_model_permission_get_403_on_get_and_post()
    {
        var category = await Factory.AddCategoryAsync("Hats");
        var product = await Factory.AddProductAsync("Bowler", category.Id);
        var client = await StaffAsync("staff@example.com", "catalog.view_tag");

        foreach (var url in new[] { "/admin/catalog/product/", "/admin/catalog/product/add/", $"/admin/catalog/product/{product.Id}/change/",
                     $"/admin/catalog/product/{product.Id}/delete/", $"/admin/catalog/product/{product.Id}/history/" })
        {
            using var get = await client.GetAsync(url);
            Assert.Equal(HttpStatusCode.Forbidden, get.StatusCode);
            if (url.EndsWith("/history/")) continue;
            using var post = await client.PostWithTokenAsync("/admin/", url, [HtmlForms.Field("Name", "Changed"), HtmlForms.Field("action", "delete_selected"), HtmlForms.Field("_selected_action", product.Id.ToString())]);
            Assert.Equal(HttpStatusCode.Forbidden, post.StatusCode);
        }
        Assert.Equal("Bowler", await Factory.WithDbAsync(db => Task.FromResult(db.Products.Single().Name)));
    }

    [Fact]
    public async Task View_only_staff_can_read_but_not_post_changes()
    {
        var category = await Factory.AddCategoryAsync("Hats");
        var product = await Factory.AddProductAsync("Bowler", category.Id);
        var client = await StaffAsync("viewer@example.com", "catalog.view_product");

        var (response, page) = await GetAsync(client, $"/admin/catalog/product/{product.Id}/change/");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("View product", page.QuerySelector("h1")!.TextContent);
        Assert.Empty(page.QuerySelectorAll("#product_form input[name=Name]"));
        Assert.NotNull(page.QuerySelectorAll("#product_form a").FirstOrDefault(a => a.TextContent == "Close"));
        Assert.Empty(page.QuerySelectorAll("button[name=_save]"));

        using var post = await client.PostWithTokenAsync($"/admin/catalog/product/{product.Id}/change/", [HtmlForms.Field("Name", "Changed")]);
        Assert.Equal(HttpStatusCode.Forbidden, post.StatusCode);
        Assert.Equal("Bowler", await Factory.WithDbAsync(db => Task.FromResult(db.Products.Single().Name)));
    }

    [Fact]
    public async Task Change_permission_implies_view()
    {
        var client = await StaffAsync("editor@example.com", "catalog.change_tag");

        using var response = await client.GetAsync("/admin/catalog/tag/");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task A_permission_granted_through_a_role_claim_works()
    {
        var client = await StaffAsync("grouped@example.com");
        using (var before = await client.GetAsync("/admin/catalog/tag/")) Assert.Equal(HttpStatusCode.Forbidden, before.StatusCode);

        await Factory.GrantThroughRoleAsync("grouped@example.com", "Editors", "catalog.view_tag");

        using var after = await client.GetAsync("/admin/catalog/tag/");
        Assert.Equal(HttpStatusCode.OK, after.StatusCode);
    }

    [Fact]
    public async Task A_revoked_permission_takes_effect_without_logging_out()
    {
        var client = await StaffAsync("staff@example.com", "catalog.view_tag");
        using (var before = await client.GetAsync("/admin/catalog/tag/")) Assert.Equal(HttpStatusCode.OK, before.StatusCode);

        await Factory.RemovePermissionAsync("staff@example.com", "catalog.view_tag");

        using var after = await client.GetAsync("/admin/catalog/tag/");
        Assert.Equal(HttpStatusCode.Forbidden, after.StatusCode);
    }

    [Fact]
    public async Task Superusers_hold_every_permission()
    {
        var client = await SuperuserAsync();

        foreach (var url in new[] { "/admin/catalog/product/add/", "/admin/catalog/category/add/", "/admin/catalog/review/", "/admin/orders/order/", "/admin/orders/orderline/" })
        {
            using var response = await client.GetAsync(url);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }
    }

    [Fact]
    public async Task Unknown_admin_urls_are_404_for_staff()
    {
        var client = await StaffAsync("staff@example.com", "catalog.view_tag");

        foreach (var url in new[] { "/admin/nothing/", "/admin/catalog/nothing/", "/admin/a/b/c/d/e/" })
        {
            using var response = await client.GetAsync(url);
            Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        }
    }

    [Fact]
    public async Task Apps_and_models_the_user_may_not_see_are_absent_from_index_and_navigation()
    {
        var client = await StaffAsync("tags@example.com", "catalog.view_tag");

        var (_, page) = await GetAsync(client, "/admin/");

        var links = page.QuerySelectorAll("a").Select(a => a.GetAttribute("href")).ToList();
        Assert.Contains("/admin/catalog/tag/", links);
        Assert.DoesNotContain("/admin/catalog/product/", links);
        Assert.DoesNotContain("/admin/orders/", links);
        Assert.DoesNotContain("/admin/orders/order/", links);
        Assert.DoesNotContain("/admin/catalog/tag/add/", links);
        using var app = await client.GetAsync("/admin/orders/");
        Assert.Equal(HttpStatusCode.NotFound, app.StatusCode);
    }

    [Fact]
    public async Task The_whole_history_log_needs_its_view_permission_and_nobody_may_change_it()
    {
        var staff = await StaffAsync("staff@example.com", "catalog.view_review");
        var auditor = await StaffAsync("auditor@example.com", "admin.view_logentry");

        // The log holds old and new values of every model (addresses of orders, say): not for every staff member.
        Assert.Equal(HttpStatusCode.Forbidden, (await staff.GetAsync("/admin/admin/logentry/")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await auditor.GetAsync("/admin/admin/logentry/")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await auditor.GetAsync("/admin/admin/logentry/add/")).StatusCode);
    }

    [Fact]
    public async Task An_unknown_object_redirects_to_the_changelist_with_a_message()
    {
        var client = await SuperuserAsync();

        using var response = await client.GetAsync("/admin/catalog/product/999/change/");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/admin/catalog/product/", Location(response));

        var page = await client.GetHtmlAsync("/admin/catalog/product/");
        Assert.Contains("Product with ID \"999\" doesn't exist. Perhaps it was deleted?", Messages(page));

        using var badId = await client.GetAsync("/admin/catalog/product/not-a-number/delete/");
        Assert.Equal(HttpStatusCode.Redirect, badId.StatusCode);
    }
}
