using WebApp.Tests.Infrastructure;

namespace WebApp.Tests.Accounts.Admin;

public class RoleAdminTests : AccountsAdminTestBase
{
    [Fact]
    public async Task A_roles_page_offers_every_known_permission_labelled_like_django_and_lists_its_users()
    {
        var packers = await Factory.CreateRoleAsync("Packers", "orders.view_order");
        await Factory.CreateUserAsync("ann@example.com");
        await Factory.GrantThroughRoleAsync("ann@example.com", "Packers");
        var client = await SuperuserAsync();

        var page = await client.GetHtmlAsync(Change(packers));

        var options = page.QuerySelectorAll("select[name=Permissions] option").ToList();
        Assert.Contains(options, o => o.GetAttribute("value") == "accounts.change_user" && o.TextContent == "accounts | user | Can change user");
        Assert.Contains(options, o => o.GetAttribute("value") == "catalog.delete_product" && o.TextContent == "catalog | product | Can delete product");
        Assert.Equal(["orders | order | Can view order"], Chosen(page, "Permissions"));
        Assert.True(page.QuerySelector("select[name=Permissions]")!.HasAttribute("multiple"));
        var members = page.QuerySelectorAll(".admin-panel a").ToList();
        var ann = await UserAsync("ann@example.com");
        Assert.Equal([("ann@example.com", Change(ann))], members.Select(a => (a.TextContent, a.GetAttribute("href")!)));
    }
}
