using System.Net;
using Microsoft.EntityFrameworkCore;
using WebApp.Accounts;
using WebApp.Admin;
using WebApp.Tests.Infrastructure;
using static WebApp.Tests.Infrastructure.HtmlForms;

namespace WebApp.Tests.Admin;

public class ActionTests : AdminTestBase
{
    private async Task<List<int>> ReviewsAsync(int count)
    {
        var category = await Factory.AddCategoryAsync("Shoes");
        var product = await Factory.AddProductAsync("Boot", category.Id);
        var ids = new List<int>();
        for (var i = 0; i < count; i++)
        {
            var author = await Factory.CreateUserAsync($"author{i}@example.com");
            ids.Add((await Factory.AddReviewAsync(product.Id, author.Id, $"Review {i}")).Id);
        }
        return ids;
    }

    [Fact]
    public async Task Approve_selected_approves_and_logs_each_review()
    {
        var ids = await ReviewsAsync(3);
        var client = await StaffAsync("moderator@example.com", "catalog.change_review");

        using var response = await client.PostWithTokenAsync("/admin/catalog/review/",
            [Field("action", "approve_selected"), Field("_selected_action", ids[0].ToString()), Field("_selected_action", ids[2].ToString())]);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var approved = await Factory.WithDbAsync(db => db.Reviews.Where(r => r.IsApproved).Select(r => r.Id).OrderBy(i => i).ToListAsync());
        Assert.Equal([ids[0], ids[2]], approved);
        var entries = await Factory.WithDbAsync(db => db.Set<LogEntry>().ToListAsync());
        Assert.Equal(2, entries.Count);
        Assert.All(entries, e => Assert.Contains("\"old\":\"False\",\"new\":\"True\"", e.ChangeMessage));
        Assert.Contains("2 reviews were approved.", Messages(await client.GetHtmlAsync("/admin/catalog/review/")));
    }

    [Fact]
    public async Task An_action_is_not_offered_without_its_permission_and_posting_it_selects_nothing()
    {
        var ids = await ReviewsAsync(1);
        var client = await StaffAsync("viewer@example.com", "catalog.view_review");

        var page = await client.GetHtmlAsync("/admin/catalog/review/");
        Assert.Empty(page.QuerySelectorAll("select[name=action]"));

        using var response = await client.PostWithTokenAsync("/admin/catalog/review/",
            [Field("action", "approve_selected"), Field("_selected_action", ids[0].ToString())]);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains("No action selected.", Messages(await client.GetHtmlAsync("/admin/catalog/review/")));
        Assert.False(await Factory.WithDbAsync(db => db.Reviews.AnyAsync(r => r.IsApproved)));
    }

    [Fact]
    public async Task Without_an_action_the_user_is_told_so()
    {
        var ids = await ReviewsAsync(1);
        var client = await SuperuserAsync();

        using var response = await client.PostWithTokenAsync("/admin/catalog/review/?IsApproved=0", [Field("action", ""), Field("_selected_action", ids[0].ToString())]);

        Assert.Equal("/admin/catalog/review/?IsApproved=0", Location(response));
        Assert.Contains("No action selected.", Messages(await client.GetHtmlAsync(Location(response))));
    }

    [Fact]
    public async Task Without_a_selection_the_user_is_told_so()
    {
        await ReviewsAsync(1);
        var client = await SuperuserAsync();

        using var response = await client.PostWithTokenAsync("/admin/catalog/review/", [Field("action", "approve_selected")]);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains("Items must be selected in order to perform actions on them.", Messages(await client.GetHtmlAsync("/admin/catalog/review/")));
    }

    [Fact]
    public async Task Select_across_acts_on_every_filtered_row()
    {
        var ids = await ReviewsAsync(3);
        await Factory.WithDbAsync(async db =>
        {
            (await db.Reviews.FindAsync(ids[1]))!.Rating = 1;
            await db.SaveChangesAsync();
        });
        var client = await SuperuserAsync();

        using var response = await client.PostWithTokenAsync("/admin/catalog/review/?rating=4",
            [Field("action", "approve_selected"), Field("select_across", "1"), Field("_selected_action", ids[0].ToString())]);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var approved = await Factory.WithDbAsync(db => db.Reviews.Where(r => r.IsApproved).Select(r => r.Id).OrderBy(i => i).ToListAsync());
        Assert.Equal([ids[0], ids[2]], approved);
    }

    [Fact]
    public async Task The_changelist_offers_per_row_checkboxes_and_the_action_list()
    {
        var ids = await ReviewsAsync(2);
        var client = await SuperuserAsync();

        var page = await client.GetHtmlAsync("/admin/catalog/review/");

        Assert.Equal(["", "delete_selected", "edit_selected", "approve_selected", "reject_selected"], page.QuerySelectorAll("select[name=action] option").Select(o => o.GetAttribute("value")));
        Assert.Equal(ids.Select(i => i.ToString()).Order(), page.QuerySelectorAll("input[name=_selected_action]").Select(i => i.GetAttribute("value")!).Order());
        Assert.StartsWith("Select ", page.QuerySelector("input[name=_selected_action]")!.GetAttribute("aria-label"));
        Assert.Contains("0 of 2 selected", page.QuerySelector(".admin-selection-count")!.TextContent);
    }
}
