using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.Extensions.DependencyInjection;
using WebApp.Admin;
using WebApp.Catalog;
using WebApp.Data;
using WebApp.Orders;

namespace WebApp.Tests.Admin;

/// <summary>One test per start-up check: a broken registration is reported with its id, model and option.</summary>
public class AdminChecksTests
{
    private static readonly IModel Model = BuildModel();

    private static IModel BuildModel()
    {
        using var db = new AppDbContext(new DbContextOptionsBuilder<AppDbContext>().UseSqlite("Data Source=:memory:").Options);
        return db.Model;
    }

    private sealed class Products : ModelAdmin<Product>
    {
        public Products(string app = "catalog") : base(app) { }

        public static ListColumn<Product> Col(Expression<Func<Product, object?>> path) => Column(path);

        public static ListFilter<Product> On(Expression<Func<Product, object?>> path) => Filter(path);

        public static AdminAction<Product> Named(string name) => Action(name, name, AdminOperation.Change, (_, _, _) => Task.FromResult<Microsoft.AspNetCore.Mvc.IActionResult?>(null));
    }

    private sealed class Lines() : ModelAdmin<OrderLine>("orders")
    {
        public static ListColumn<OrderLine> Col(Expression<Func<OrderLine, object?>> path) => Column(path);
    }

    private sealed class Categories() : ModelAdmin<Category>("catalog");

    private sealed class SearchableCategories : ModelAdmin<Category>
    {
        public SearchableCategories() : base("catalog") => SearchFields = ["Name"];
    }

    private sealed class NotAnEntity;

    private sealed class NotAnEntityAdmin() : ModelAdmin<NotAnEntity>("misc");

    private sealed class ReservedFilter : SimpleListFilter<Product>
    {
        public override string Title => "Reserved";
        public override string ParameterName => "q";
        public override IReadOnlyList<(string Value, string Label)> Lookups() => [("x", "X")];
        public override IQueryable<Product> Filter(IQueryable<Product> query, string value) => query;
    }

    private sealed class ActiveAgainFilter : SimpleListFilter<Product>
    {
        public override string Title => "Active again";
        public override string ParameterName => "IsActive";
        public override IReadOnlyList<(string Value, string Label)> Lookups() => [("1", "Yes")];
        public override IQueryable<Product> Filter(IQueryable<Product> query, string value) => query;
    }

    private sealed class NamelessFilter : SimpleListFilter<Product>
    {
        public override string Title => "Nameless";
        public override string ParameterName => "";
        public override IReadOnlyList<(string Value, string Label)> Lookups() => [];
        public override IQueryable<Product> Filter(IQueryable<Product> query, string value) => query;
    }

    private static AdminCheckError Single(params ModelAdmin[] registrations)
    {
        var errors = AdminChecks.Run(registrations, Model).ToList();
        return Assert.Single(errors);
    }

    [Fact]
    public void Every_registration_in_the_app_passes()
    {
        var registrations = ModelAdminRegistry.Discover(typeof(Program).Assembly);

        Assert.Empty(AdminChecks.Run(registrations, Model));
        Assert.Contains(registrations, r => r.Label == "catalog/product");
        Assert.Contains(registrations, r => r.Label == "admin/logentry");
    }

    [Fact]
    public async Task The_check_command_reports_broken_registrations_with_their_ids()
    {
        var broken = new Lines { ListDisplay = [Lines.Col(l => l.LineTotal)] };
        await using var host = new WebApp.Tests.Management.CommandHost("Testing",
            replaceServices: services => services.AddSingleton(_ => new ModelAdminRegistry([broken], Model)));

        var result = await WebApp.Tests.Management.CommandRunner.RunAsync(host.Services, ["check"]);

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("admin.E108: Lines (orders/orderline): ListDisplay[0]:", result.Error);
    }

    [Fact]
    public void A_broken_registration_stops_start_up_naming_the_model_and_option()
    {
        var broken = new Lines { ListDisplay = [Lines.Col(l => l.LineTotal)] };

        var exception = Assert.Throws<AdminConfigurationException>(() => new ModelAdminRegistry([broken], Model));

        Assert.Contains("admin.E108", exception.Message);
        Assert.Contains("Lines (orders/orderline)", exception.Message);
        Assert.Contains("ListDisplay[0]", exception.Message);
        Assert.Contains("LineTotal", exception.Message);
    }

    // Ids follow Django's admin checks where Django has the same check; the E9xx ids are checks Django does not have.

    [Fact]
    public void E901_the_model_must_be_an_entity() => Assert.Equal("admin.E901", Single(new NotAnEntityAdmin()).Id);

    [Fact]
    public void E902_a_model_is_registered_once() => Assert.Equal("admin.E902", Single(new Products(), new Products()).Id);

    [Fact]
    public void E903_app_labels_are_lower_case() => Assert.Equal("admin.E903", Single(new Products("Catalog")).Id);

    [Fact]
    public void E904_secret_fields_must_exist() => Assert.Equal("admin.E904", Single(new Products { SecretFields = ["Password"] }).Id);

    [Fact]
    public void E005_fields_and_fieldsets_exclude_each_other() =>
        Assert.Equal("admin.E005", Single(new Products { Fields = [p => p.Name], Fieldsets = [new("Main", [p => p.Sku])] }).Id);

    [Fact]
    public void E905_form_fields_must_be_mapped_properties()
    {
        var error = Single(new Lines { Fields = [l => l.LineTotal] });
        Assert.Equal(("admin.E905", "Fields.Fields[0]"), (error.Id, error.Option));
    }

    [Fact]
    public void E006_and_E012_a_form_field_appears_once()
    {
        Assert.Equal("admin.E006", Single(new Products { Fields = [p => p.Name, p => p.Name] }).Id);
        Assert.Equal(("admin.E012", "Fieldsets[1]"), Pair(Single(new Products { Fieldsets = [new("Main", [p => p.Name]), new("Again", [p => p.Sku, p => p.Name])] })));
    }

    [Fact]
    public void E906_one_to_many_collections_are_not_form_fields() => Assert.Equal("admin.E906", Single(new Products { Fields = [p => p.Reviews] }).Id);

    [Fact]
    public void E907_excluded_fields_must_exist() => Assert.Equal("admin.E907", Single(new Lines { Exclude = [l => l.LineTotal] }).Id);

    [Fact]
    public void E035_read_only_fields_must_exist() => Assert.Equal("admin.E035", Single(new Lines { ReadonlyFields = [l => l.LineTotal] }).Id);

    [Fact]
    public void E108_list_display_items_must_be_property_paths()
    {
        Assert.Equal("admin.E108", Single(new Lines { ListDisplay = [Lines.Col(l => l.LineTotal)] }).Id);
        Assert.Equal("admin.E108", Single(new Products { ListDisplay = [Products.Col(p => p.Name.Length)] }).Id);
    }

    [Fact]
    public void E109_list_display_cannot_show_a_collection()
    {
        var error = Single(new Products { ListDisplay = [Products.Col(p => p.Name), Products.Col(p => p.Tags)] });
        Assert.Equal(("admin.E109", "ListDisplay[1]"), (error.Id, error.Option));
    }

    [Fact]
    public void E111_links_must_be_columns() =>
        Assert.Equal("admin.E111", Single(new Products { ListDisplay = [Products.Col(p => p.Name)], ListDisplayLinks = [p => p.Sku] }).Id);

    [Fact]
    public void E121_and_E122_editable_columns_must_be_fields_and_displayed()
    {
        Assert.Equal("admin.E121", Single(new Products { ListDisplay = [Products.Col(p => p.Name)], ListEditable = [p => p.Name.Length] }).Id);
        Assert.Equal("admin.E122", Single(new Products { ListDisplay = [Products.Col(p => p.Name)], ListEditable = [p => p.Stock] }).Id);
    }

    [Fact]
    public void E125_editable_columns_must_be_editable_properties()
    {
        Assert.Equal("admin.E125", Single(new Products { ListDisplay = [Products.Col(p => p.Name), Products.Col(p => p.Category!.Name)], ListEditable = [p => p.Category!.Name] }).Id);
        Assert.Equal("admin.E125", Single(new Products { ListDisplay = [Products.Col(p => p.Name), Products.Col(p => p.CreatedAt)], ReadonlyFields = [p => p.CreatedAt], ListEditable = [p => p.CreatedAt] }).Id);
    }

    [Fact]
    public void E123_and_E124_an_editable_column_cannot_be_the_link()
    {
        Assert.Equal("admin.E124", Single(new Products { ListDisplay = [Products.Col(p => p.Name), Products.Col(p => p.Stock)], ListEditable = [p => p.Name] }).Id);
        Assert.Equal("admin.E123", Single(new Products
        {
            ListDisplay = [Products.Col(p => p.Name), Products.Col(p => p.Stock)], ListDisplayLinks = [p => p.Stock], ListEditable = [p => p.Stock],
        }).Id);
        Assert.Empty(AdminChecks.Run([new Products { ListDisplay = [Products.Col(p => p.Name), Products.Col(p => p.Stock)], ListDisplayLinks = [p => p.Stock], ListEditable = [p => p.Name] }], Model));
    }

    [Fact]
    public void E908_filters_need_a_parameter_name() => Assert.Equal("admin.E908", Single(new Products { ListFilter = [new NamelessFilter()] }).Id);

    [Fact]
    public void E909_filter_parameters_are_unique_and_not_reserved()
    {
        Assert.Equal("admin.E909", Single(new Products { ListFilter = [new ReservedFilter()] }).Id);
        Assert.Equal("admin.E909", Single(new Products { ListFilter = [Products.On(p => p.IsActive), new ActiveAgainFilter()] }).Id);
    }

    [Fact]
    public void E116_filters_must_name_a_known_path() => Assert.Equal("admin.E116", Single(new Products { ListFilter = [Products.On(p => p.Category!.Description!.Length)] }).Id);

    [Fact]
    public void E910_filters_need_a_supported_type() => Assert.Equal("admin.E910", Single(new Products { ListFilter = [Products.On(p => p.Price)] }).Id);

    [Fact]
    public void E118_and_E119_page_sizes_must_be_sensible()
    {
        Assert.Equal("admin.E118", Single(new Products { ListPerPage = 0 }).Id);
        Assert.Equal("admin.E119", Single(new Products { ListMaxShowAll = -1 }).Id);
    }

    [Fact]
    public void E911_search_fields_must_exist()
    {
        Assert.Equal("admin.E911", Single(new Products { SearchFields = ["^Nope"] }).Id);
        Assert.Equal("admin.E911", Single(new Products { SearchFields = ["Category.Nope"] }).Id);
        Assert.Equal("admin.E911", Single(new Products { SearchFields = ["Reviews.Title"] }).Id);
    }

    [Fact]
    public void E912_search_fields_must_be_text() => Assert.Equal("admin.E912", Single(new Products { SearchFields = ["=Price"] }).Id);

    [Fact]
    public void E127_and_E128_the_date_hierarchy_is_a_date_property()
    {
        Assert.Equal("admin.E127", Single(new Products { DateHierarchy = p => p.Category!.Description!.Length }).Id);
        Assert.Equal("admin.E128", Single(new Products { DateHierarchy = p => p.Stock }).Id);
    }

    [Fact]
    public void E033_ordering_must_name_a_known_path() => Assert.Equal("admin.E033", Single(new Products { Ordering = ["-Nope"] }).Id);

    [Fact]
    public void E913_ordering_must_be_sortable() => Assert.Equal("admin.E913", Single(new Products { Ordering = ["Category"] }).Id);

    [Fact]
    public void E130_action_names_are_unique()
    {
        Assert.Equal("admin.E130", Single(new Products { Actions = [Products.Named("go"), Products.Named("go")] }).Id);
        Assert.Equal("admin.E130", Single(new Products { Actions = [Products.Named("delete_selected")] }).Id);
    }

    private sealed class FormProducts() : ModelAdmin<Product>("catalog")
    {
        public static PrepopulatedField<Product> Fill(Expression<Func<Product, object?>> target, params Expression<Func<Product, object?>>[] sources) =>
            Prepopulate(target, sources);
    }

    private sealed class TagRows : TabularInline<Product, Tag>;

    private sealed class ReviewRows : TabularInline<Product, Review>;

    [Fact]
    public void E202_an_inline_needs_a_foreign_key_to_its_parent()
    {
        var error = Single(new FormProducts { Inlines = [new TagRows()] });
        Assert.Equal(("admin.E202", "Inlines[0] (TagRows).ParentReference"), (error.Id, error.Option));
        Assert.Contains("Tag has no foreign key to Product", error.Message);
    }

    [Fact]
    public void E203_E204_an_inline_counts_rows_sensibly()
    {
        Assert.Equal("admin.E203", Single(new FormProducts { Inlines = [new ReviewRows { Extra = -1 }] }).Id);
        Assert.Equal("admin.E204", Single(new FormProducts { Inlines = [new ReviewRows { MinNum = 3, MaxNum = 2 }] }).Id);
    }

    [Fact]
    public void E011_an_inline_field_must_be_a_property_of_the_child() =>
        Assert.Equal(("admin.E011", "Inlines[0] (ReviewRows).Fields[0]"),
            Single(new FormProducts { Inlines = [new ReviewRows { Fields = [r => r.Title.Length] }] }) is var e ? (e.Id, e.Option) : default);

    [Fact]
    public void E027_E028_a_prepopulated_field_is_a_text_property_of_the_model()
    {
        Assert.Equal("admin.E027", Single(new FormProducts { PrepopulatedFields = [FormProducts.Fill(p => p.Category!.Slug, p => p.Name)] }).Id);
        Assert.Equal("admin.E028", Single(new FormProducts { PrepopulatedFields = [FormProducts.Fill(p => p.Price, p => p.Name)] }).Id);
    }

    [Fact]
    public void Checks_keep_nothing_and_the_registry_builds_the_inlines_and_prepopulated_fields()
    {
        var reviews = new ReviewRows();
        var products = new FormProducts { Inlines = [reviews], PrepopulatedFields = [FormProducts.Fill(p => p.Slug, p => p.Name, p => p.Sku)] };

        Assert.Empty(AdminChecks.Run([products], Model));
        Assert.Throws<InvalidOperationException>(() => reviews.Resolved);
        Assert.Throws<InvalidOperationException>(() => products.Resolved);

        _ = new ModelAdminRegistry([products], Model);

        Assert.Equal(["Name", "Sku"], products.Resolved.Prepopulated["Slug"]);
        Assert.Equal("ProductId", reviews.Resolved.ParentKeyProperty.Name);
    }

    [Fact]
    public void E037_autocomplete_fields_are_fields_of_the_model() =>
        Assert.Equal(("admin.E037", "AutocompleteFields[0]"), Pair(Single(new Products { AutocompleteFields = [p => p.Category!.Name] }, new SearchableCategories())));

    [Fact]
    public void E038_autocomplete_fields_are_foreign_keys()
    {
        Assert.Equal("admin.E038", Single(new Products { AutocompleteFields = [p => p.Name] }, new SearchableCategories()).Id);
        Assert.Equal("admin.E038", Single(new Products { AutocompleteFields = [p => p.Tags] }, new SearchableCategories()).Id);
    }

    [Fact]
    public void E039_an_autocomplete_target_is_registered()
    {
        var error = Single(new Products { AutocompleteFields = [p => p.Category] });

        Assert.Equal("admin.E039", error.Id);
        Assert.Contains("Category", error.Message);
    }

    [Fact]
    public void E040_an_autocomplete_target_has_search_fields()
    {
        var error = Single(new Products { AutocompleteFields = [p => p.CategoryId] }, new Categories());

        Assert.Equal(("admin.E040", "AutocompleteFields[0]"), Pair(error));
        Assert.Contains("Categories must define SearchFields", error.Message);
    }

    [Fact]
    public void An_autocomplete_field_on_a_searchable_registered_target_passes() =>
        Assert.Empty(AdminChecks.Run([new Products { AutocompleteFields = [p => p.Category] }, new SearchableCategories()], Model));

    private static (string, string) Pair(AdminCheckError error) => (error.Id, error.Option);
}
