using System.Net;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using WebApp.Accounts;
using WebApp.Admin;
using WebApp.Data;
using WebApp.Tests.Infrastructure;
using static WebApp.Tests.Infrastructure.HtmlForms;

namespace WebApp.Tests.Admin;

public class HistoryTests : AdminTestBase
{
    [Fact]
    public async Task The_history_lists_entries_oldest_first_with_old_and_new_values()
    {
        var category = await Factory.AddCategoryAsync("Shoes");
        var client = await SuperuserAsync();
        using (await client.PostWithTokenAsync("/admin/catalog/tag/add/", [Field("Name", "Summer"), Field("Slug", "summer"), Field("_save", "1")])) { }
        var tagId = await Factory.WithDbAsync(db => db.Tags.Select(t => t.Id).SingleAsync());
        var url = $"/admin/catalog/tag/{tagId}/change/";
        using (await client.PostWithTokenAsync(url, (await client.GetHtmlAsync(url)).FormValues("#tag_form").With("Name", "Winter"))) { }

        var page = await client.GetHtmlAsync($"/admin/catalog/tag/{tagId}/history/");

        var rows = page.QuerySelectorAll("#change-history tbody tr");
        Assert.Equal(2, rows.Length);
        Assert.Contains("Added.", Text(rows[0]));
        Assert.Contains("root@example.com", Text(rows[0]));
        Assert.Equal("Name", rows[1].QuerySelector(".change-message .fw-semibold")!.TextContent);
        Assert.Equal(("Summer", "Winter"), (rows[1].QuerySelector(".old-value")!.TextContent, rows[1].QuerySelector(".new-value")!.TextContent));
        Assert.Equal("Change history: Winter", page.QuerySelector("h1")!.TextContent);
        Assert.Equal(["Home", "Catalog", "Tags", "Winter", "History"], page.QuerySelectorAll(".breadcrumb li").Select(Text));
    }

    [Fact]
    public async Task A_change_entry_stores_the_changed_fields_as_json_with_both_values()
    {
        var category = await Factory.AddCategoryAsync("Shoes");
        var product = await Factory.AddProductAsync("Boot", category.Id, price: 10m);
        var client = await SuperuserAsync();
        var url = $"/admin/catalog/product/{product.Id}/change/";

        using (await client.PostWithTokenAsync(url, (await client.GetHtmlAsync(url)).FormValues("#product_form").With("Price", "12.50").With("Stock", "10"))) { }

        var entry = await Factory.WithDbAsync(db => db.Set<LogEntry>().SingleAsync());
        Assert.Equal((LogAction.Change, "catalog.product", product.Id.ToString(), "Boot"), (entry.Action, entry.ContentType, entry.ObjectId, entry.ObjectRepr));
        Assert.Contains("{\"field\":\"Price\",\"label\":\"Price\",\"old\":\"10.00\",\"new\":\"12.50\"", entry.ChangeMessage);
        Assert.DoesNotContain("Stock", entry.ChangeMessage);
        Assert.DoesNotContain("UpdatedAt", entry.ChangeMessage);
    }

    [Fact]
    public async Task An_addition_records_the_saved_values_and_relations_by_their_names()
    {
        var shoes = await Factory.AddCategoryAsync("Shoes");
        var boots = await Factory.AddCategoryAsync("Boots");
        var client = await SuperuserAsync();
        var before = DateTime.UtcNow.AddSeconds(-1);
        using (await client.PostWithTokenAsync("/admin/catalog/product/add/",
            [Field("Name", "Hiker"), Field("Slug", "hiker"), Field("Sku", "HIK-1"), Field("CategoryId", shoes.Id.ToString()),
             Field("Price", "20.00"), Field("Stock", "3"), Field("IsActive", "true"), Field("_save", "1")])) { }
        var productId = await Factory.WithDbAsync(db => db.Products.Select(p => p.Id).SingleAsync());
        var url = $"/admin/catalog/product/{productId}/change/";
        using (await client.PostWithTokenAsync(url, (await client.GetHtmlAsync(url)).FormValues("#product_form").With("CategoryId", boots.Id.ToString()))) { }

        var entries = await Factory.WithDbAsync(db => db.Set<LogEntry>().OrderBy(e => e.Id).ToListAsync());
        var history = Factory.Services.GetRequiredService<IAdminHistory>();
        var added = history.ReadChanges(entries[0]).ToDictionary(c => c.Field, c => c.New);
        Assert.Equal("Shoes", added["CategoryId"]);
        Assert.True(DateTime.Parse(added["CreatedAt"]!, System.Globalization.CultureInfo.InvariantCulture) >= before.AddSeconds(-1));
        Assert.Equal(added["CreatedAt"], added["UpdatedAt"]);
        var moved = Assert.Single(history.ReadChanges(entries[1]), c => c.Field == "CategoryId");
        Assert.Equal(("Shoes", "Boots"), (moved.Old, moved.New));
    }

    [Fact]
    public async Task Secrets_are_never_written_to_the_history()
    {
        var user = await Factory.CreateUserAsync("someone@example.com");
        await using var scope = Factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        var tracked = await db.Users.SingleAsync(u => u.Id == user.Id);
        var oldHash = tracked.PasswordHash!;
        tracked.PasswordHash = users.PasswordHasher.HashPassword(tracked, "Another-Secret-1");
        tracked.SecurityStamp = Guid.NewGuid().ToString();
        tracked.DisplayName = "Someone";

        await scope.ServiceProvider.GetRequiredService<IAdminHistory>()
            .SaveWithHistoryAsync(db, [new HistoryRecord(db.Entry(tracked), LogAction.Change)], user.Id, CancellationToken.None);

        var entry = await Factory.WithDbAsync(d => d.Set<LogEntry>().SingleAsync());
        Assert.Contains("\"new\":\"Someone\"", entry.ChangeMessage);
        Assert.Contains("\"field\":\"PasswordHash\"", entry.ChangeMessage);
        Assert.DoesNotContain(oldHash, entry.ChangeMessage);
        Assert.DoesNotContain(tracked.PasswordHash, entry.ChangeMessage);
        Assert.DoesNotContain(tracked.SecurityStamp, entry.ChangeMessage);
        Assert.DoesNotContain(tracked.ConcurrencyStamp!, entry.ChangeMessage);
    }

    private sealed class SecretSlugTags() : ModelAdmin<WebApp.Catalog.Tag>("catalog")
    {
        public SecretSlugTags(string secret) : this() => SecretFields = [secret];
    }

    [Fact]
    public async Task Fields_a_registration_marks_secret_are_named_but_their_values_never_stored()
    {
        var tag = await Factory.AddTagAsync("Summer");
        await using var scope = Factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var history = new AdminHistory(new ModelAdminRegistry([new SecretSlugTags("Slug")], db.Model));
        var tracked = await db.Tags.SingleAsync(t => t.Id == tag.Id);
        tracked.Name = "Winter";
        tracked.Slug = "top-secret-slug";

        await history.SaveWithHistoryAsync(db, [new HistoryRecord(db.Entry(tracked), LogAction.Change)], null, CancellationToken.None);

        var entry = await Factory.WithDbAsync(d => d.Set<LogEntry>().SingleAsync());
        Assert.Contains("\"old\":\"Summer\",\"new\":\"Winter\"", entry.ChangeMessage);
        Assert.Contains("{\"field\":\"Slug\",\"label\":\"Slug\",\"old\":null,\"new\":null,\"secret\":true}", entry.ChangeMessage);
        Assert.DoesNotContain("top-secret-slug", entry.ChangeMessage);
        Assert.DoesNotContain("\"summer\"", entry.ChangeMessage);
    }

    [Fact]
    public async Task The_index_shows_the_users_own_last_ten_actions()
    {
        var client = await SuperuserAsync();
        var other = await SuperuserAsync("other@example.com");
        for (var i = 0; i < 12; i++)
            using (await client.PostWithTokenAsync("/admin/catalog/tag/add/", [Field("Name", $"Tag {i}"), Field("Slug", $"tag-{i}")])) { }
        using (await other.PostWithTokenAsync("/admin/catalog/tag/add/", [Field("Name", "Theirs"), Field("Slug", "theirs")])) { }

        var page = await client.GetHtmlAsync("/admin/");

        var recent = page.QuerySelectorAll(".admin-recent-actions li").ToList();
        Assert.Equal(10, recent.Count);
        Assert.Contains("Tag 11", Text(recent[0]));
        Assert.DoesNotContain(recent, r => r.TextContent.Contains("Theirs"));
        Assert.StartsWith("/admin/catalog/tag/", recent[0].QuerySelector("a")!.GetAttribute("href"));
    }

    [Fact]
    public async Task History_pages_hold_100_entries()
    {
        var category = await Factory.AddCategoryAsync("Shoes");
        await Factory.WithDbAsync(async db =>
        {
            for (var i = 0; i < 105; i++)
                db.Set<LogEntry>().Add(new LogEntry { ActionTime = DateTime.UtcNow.AddMinutes(i), ContentType = "catalog.category", ObjectId = category.Id.ToString(), ObjectRepr = "Shoes", Action = LogAction.Change, ChangeMessage = "{\"fields\":[]}" });
            await db.SaveChangesAsync();
        });
        var client = await SuperuserAsync();

        var first = await client.GetHtmlAsync($"/admin/catalog/category/{category.Id}/history/");
        var second = await client.GetHtmlAsync($"/admin/catalog/category/{category.Id}/history/?p=2");

        Assert.Equal(100, first.QuerySelectorAll("#change-history tbody tr").Length);
        Assert.Equal(5, second.QuerySelectorAll("#change-history tbody tr").Length);
    }

    [Fact]
    public async Task The_object_repr_is_cut_to_200_characters()
    {
        var client = await SuperuserAsync();
        var longName = new string('x', 60);

        using var response = await client.PostWithTokenAsync("/admin/catalog/tag/add/", [Field("Name", longName), Field("Slug", "long")]);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var entry = await Factory.WithDbAsync(db => db.Set<LogEntry>().SingleAsync());
        Assert.Equal(longName, entry.ObjectRepr);
        Assert.Equal(200, LogEntry.ObjectReprMaxLength);
    }
}
