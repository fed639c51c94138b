using Bunit;
using WebApp.Admin;
using WebApp.Admin.Components;

namespace WebApp.Tests.Admin.Components;

public class AutocompleteWidgetTests : BunitContext
{
    private static FormFieldViewModel Field(string? value, string? label, bool numeric = true, bool required = true) => new()
    {
        Name = "CategoryId",
        Label = "Category",
        Widget = WidgetKind.Autocomplete,
        Required = required,
        Value = value,
        Options = label is null ? [] : [new SelectOption(value!, label, true)],
        Related = new RelatedWidget
        {
            ModelName = "category",
            AutocompleteUrl = "/admin/autocomplete/?app_label=catalog&model_name=product&field_name=CategoryId",
            NumericKey = numeric,
            AddUrl = "/admin/catalog/category/add/?_popup=1",
            ChangeUrlTemplate = "/admin/catalog/category/__fk__/change/?_popup=1",
            CanChange = true,
        },
    };

    [Fact]
    public void The_combobox_follows_the_aria_pattern_and_shows_the_current_name()
    {
        var cut = Render<FieldWidget>(p => p.Add(c => c.Field, Field("7", "Shoes")));

        var combobox = cut.Find("#id_CategoryId-search");
        Assert.Equal(("combobox", "list", "false", "id_CategoryId-listbox", "Shoes", "off"),
            (combobox.GetAttribute("role"), combobox.GetAttribute("aria-autocomplete"), combobox.GetAttribute("aria-expanded"),
             combobox.GetAttribute("aria-controls"), combobox.GetAttribute("value"), combobox.GetAttribute("autocomplete")));
        var listbox = cut.Find("#id_CategoryId-listbox");
        Assert.Equal(("listbox", "Category"), (listbox.GetAttribute("role"), listbox.GetAttribute("aria-label")));
        Assert.Equal("status", cut.Find("#id_CategoryId-status").GetAttribute("role"));
        Assert.Equal("/admin/autocomplete/?app_label=catalog&model_name=product&field_name=CategoryId", cut.Find(".admin-autocomplete").GetAttribute("data-autocomplete-url"));
    }

    [Fact]
    public void Without_script_the_labelled_key_input_posts_the_key_with_the_current_name_beside_it()
    {
        var cut = Render<FieldWidget>(p => p.Add(c => c.Field, Field("7", "<b>Shoes</b>")));

        var key = cut.Find("input[name=CategoryId]");
        Assert.Equal(("id_CategoryId", "number", "7", "1"), (key.Id, key.GetAttribute("type"), key.GetAttribute("value"), key.GetAttribute("step")));
        Assert.True(key.HasAttribute("required"));
        Assert.Equal("id_CategoryId", cut.Find("label").GetAttribute("for"));
        Assert.Equal("id_CategoryId-current", key.GetAttribute("aria-describedby"));
        Assert.Equal("Current: <b>Shoes</b>", cut.Find("#id_CategoryId-current").TextContent);
        Assert.Empty(cut.FindAll(".admin-autocomplete-current b"));
        Assert.True(cut.Find(".admin-autocomplete-box").HasAttribute("hidden"));
        Assert.Empty(cut.FindAll("select"));
    }

    [Fact]
    public void A_text_key_uses_a_text_input_and_an_empty_optional_field_says_none()
    {
        var cut = Render<FieldWidget>(p => p.Add(c => c.Field, Field(null, null, numeric: false, required: false)));

        var key = cut.Find("input[name=CategoryId]");
        Assert.Equal("text", key.GetAttribute("type"));
        Assert.False(key.HasAttribute("required"));
        Assert.Equal("Current: none", cut.Find("#id_CategoryId-current").TextContent);
        Assert.True(cut.Find(".admin-related-change").HasAttribute("hidden"));
    }

    [Fact]
    public void The_related_links_open_popups_for_the_chosen_key()
    {
        var cut = Render<FieldWidget>(p => p.Add(c => c.Field, Field("7", "Shoes")));

        var links = cut.Find("[data-related-for=id_CategoryId]");
        var change = links.QuerySelector(".admin-related-change")!;
        Assert.Equal(("/admin/catalog/category/7/change/?_popup=1", "/admin/catalog/category/__fk__/change/?_popup=1", "Change selected category"),
            (change.GetAttribute("href"), change.GetAttribute("data-href-template"), change.TextContent));
        Assert.True(change.HasAttribute("data-popup"));
        Assert.Equal("Add another category", links.QuerySelector(".admin-related-add[data-popup]")!.TextContent);
    }
}
