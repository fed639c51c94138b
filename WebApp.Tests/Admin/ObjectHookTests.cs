using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using WebApp.Admin;
using WebApp.Catalog;
using WebApp.Data;
using WebApp.Tests.Infrastructure;

namespace WebApp.Tests.Admin;

/// <summary>The per-request hooks of a registration: object-level permissions and fieldsets per user and object.</summary>
public sealed class ObjectHookTests : IDisposable
{
    /// <summary>
    /// Categories whose name starts with "Locked" may be seen but not changed or deleted; only superusers see the
    /// description; those starting with <see cref="HiddenPrefix"/> are not the registration's rows at all (GetQueryset).
    /// </summary>
    private sealed class GuardedCategoryAdmin : ModelAdmin<Category>
    {
        public GuardedCategoryAdmin() : base("catalog")
        {
            VerboseNamePlural = "categories";
            Fieldsets = [new(null, [c => c.Name, c => c.Slug]), new("Text", [c => c.Description])];
            SaveAs = true;
            // Products choose their category by autocomplete, which searches the category registration (admin.E040).
            SearchFields = ["Name"];
        }

        public override bool HasAddPermission(AdminUser user, Category obj) => HasAddPermission(user) && !obj.Name.StartsWith("Original", StringComparison.Ordinal);

        public override bool HasChangePermission(AdminUser user, Category obj) => HasChangePermission(user) && !obj.Name.StartsWith("Locked", StringComparison.Ordinal);

        public override bool HasDeletePermission(AdminUser user, Category obj) => HasDeletePermission(user) && !obj.Name.StartsWith("Locked", StringComparison.Ordinal);

        public override bool HasViewPermission(AdminUser user, Category obj) => HasViewPermission(user) && !obj.Name.StartsWith("Secret", StringComparison.Ordinal);

        public override IReadOnlyList<Fieldset<Category>> GetFieldsets(AdminUser user, Category? obj) => user.IsSuperuser ? Fieldsets : [Fieldsets[0]];

        public string HiddenPrefix { get; set; } = "Hidden";

        public override IQueryable<Category> GetQueryset(IQueryable<Category> all) => all.Where(c => !c.Name.StartsWith(HiddenPrefix));
    }

    private sealed class HookedFactory : WebAppFactory
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.ConfigureTestServices(services => services.AddSingleton(provider =>
            {
                using var scope = provider.CreateScope();
                var model = scope.ServiceProvider.GetRequiredService<AppDbContext>().Model;
                var registrations = ModelAdminRegistry.Discover(typeof(Program).Assembly).Where(r => r.ModelType != typeof(Category)).Append(new GuardedCategoryAdmin());
                return new ModelAdminRegistry(registrations, model);
            }));
        }
    }

    private readonly HookedFactory _factory = new();

    public void Dispose() => _factory.Dispose();

    [Fact]
    public async Task An_object_the_hook_refuses_to_change_is_read_only_and_its_post_and_delete_are_403()
    {
        var locked = await _factory.AddCategoryAsync("Locked shoes");
        var client = await _factory.LoggedInClientAsync("clerk@example.com", staff: true, superuser: false,
            "catalog.view_category", "catalog.change_category", "catalog.delete_category");
        var url = $"/admin/catalog/category/{locked.Id}/change/";

        var page = await client.GetHtmlAsync(url);
        Assert.Null(page.QuerySelector("input[name=Name]"));
        Assert.Equal("You may not change this category.", page.QuerySelector(".admin-readonly-reason")!.TextContent);

        using var post = await client.PostWithTokenAsync("/admin/catalog/category/", url, [new("Name", "Renamed"), new("Slug", "renamed"), new("_save", "1")]);
        Assert.Equal(HttpStatusCode.Forbidden, post.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync($"/admin/catalog/category/{locked.Id}/delete/")).StatusCode);
        using var delete = await client.PostWithTokenAsync("/admin/catalog/category/", $"/admin/catalog/category/{locked.Id}/delete/", [new("post", "yes")]);
        Assert.Equal(HttpStatusCode.Forbidden, delete.StatusCode);
        Assert.Equal(["Locked shoes"], await _factory.WithDbAsync(db => db.Categories.Select(c => c.Name).ToListAsync()));
    }

    [Fact]
    public async Task A_narrowed_queryset_holds_for_the_list_as_it_opens_and_for_the_filter_choices_of_other_lists()
    {
        // The list as it first opens runs compiled queries; a registration with its own GetQueryset must not get them.
        var shown = await _factory.AddCategoryAsync("Hats");
        var hidden = await _factory.AddCategoryAsync("Hidden stock");
        await _factory.AddProductAsync("Bowler", shown.Id);
        await _factory.AddProductAsync("Crate", hidden.Id);
        var client = await _factory.LoggedInClientAsync("boss@example.com", staff: true, superuser: true);

        var categories = await client.GetHtmlAsync("/admin/catalog/category/");
        Assert.Equal(["Hats"], AdminPages.FirstColumn(categories));
        Assert.Equal("1 category", categories.QuerySelector(".admin-result-count")!.TextContent);

        Assert.Equal(["All", "Hats"], AdminPages.FilterChoices(await client.GetHtmlAsync("/admin/catalog/product/"), "category"));

        // What the override reads is read again on every request.
        ((GuardedCategoryAdmin)_factory.Services.GetRequiredService<ModelAdminRegistry>().Find(typeof(Category))!).HiddenPrefix = "Hats";
        categories = await client.GetHtmlAsync("/admin/catalog/category/");
        Assert.Equal(["Hidden stock"], AdminPages.FirstColumn(categories));
        Assert.Equal(["All", "Hidden stock"], AdminPages.FilterChoices(await client.GetHtmlAsync("/admin/catalog/product/"), "category"));
    }

    [Fact]
    public async Task An_object_the_view_hook_refuses_is_a_403()
    {
        var secret = await _factory.AddCategoryAsync("Secret stash");
        var client = await _factory.LoggedInClientAsync("clerk@example.com", staff: true, superuser: false, "catalog.view_category");

        Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync($"/admin/catalog/category/{secret.Id}/change/")).StatusCode);
    }

    [Fact]
    public async Task Fieldsets_follow_the_user_and_only_the_fields_shown_are_saved()
    {
        var shoes = await _factory.AddCategoryAsync("Shoes");
        await _factory.WithDbAsync(db => db.Categories.Where(c => c.Id == shoes.Id).ExecuteUpdateAsync(s => s.SetProperty(c => c.Description, "Kept")));
        var clerk = await _factory.LoggedInClientAsync("clerk@example.com", staff: true, superuser: false, "catalog.view_category", "catalog.change_category");
        var root = await _factory.LoggedInClientAsync("root@example.com", staff: true, superuser: true);
        var url = $"/admin/catalog/category/{shoes.Id}/change/";

        Assert.NotNull((await root.GetHtmlAsync(url)).QuerySelector("#id_Description"));
        var page = await clerk.GetHtmlAsync(url);
        Assert.Null(page.QuerySelector("#id_Description"));
        var form = page.FormValues("#category_form").With("Name", "Boots").With("Description", "Overwritten").With("_save", "1");
        using var response = await clerk.PostAsync(url, new FormUrlEncodedContent(form));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(("Boots", "Kept"), await _factory.WithDbAsync(db => db.Categories.Where(c => c.Id == shoes.Id)
            .Select(c => new ValueTuple<string, string?>(c.Name, c.Description)).SingleAsync()));
    }

    [Fact]
    public async Task An_object_the_add_hook_refuses_cannot_be_saved_as_new()
    {
        var original = await _factory.AddCategoryAsync("Original design");
        var root = await _factory.LoggedInClientAsync("root@example.com", staff: true, superuser: true);
        var url = $"/admin/catalog/category/{original.Id}/change/";
        var page = await root.GetHtmlAsync(url);
        Assert.Null(page.QuerySelector("button[name=_saveasnew]"));

        var form = page.FormValues("#category_form").With("Name", "Copy").With("Slug", "copy").With("_saveasnew", "1");
        using var response = await root.PostAsync(url, new FormUrlEncodedContent(form));

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal(["Original design"], await _factory.WithDbAsync(db => db.Categories.Select(c => c.Name).ToListAsync()));
    }
}
