using WebApp.Admin;
using WebApp.Admin.Components;
using Bunit;

namespace WebApp.Tests.Admin.Components;

public class FieldWidgetTests : BunitContext
{
    private IRenderedComponent<FieldWidget> RenderField(FormFieldViewModel field) => Render<FieldWidget>(p => p.Add(c => c.Field, field));

    [Fact]
    public void A_text_field_has_a_label_constraints_help_and_required_marker()
    {
        var cut = RenderField(new FormFieldViewModel
        {
            Name = "Sku", Label = "SKU", HelpText = "Unique per product.", Required = true, Widget = WidgetKind.Text, Value = "A-1", MaxLength = 40, Pattern = "^[A-Z]",
        });

        var input = cut.Find("input#id_Sku");
        Assert.Equal(("text", "Sku", "A-1", "40", "^[A-Z]"), (input.GetAttribute("type"), input.GetAttribute("name"), input.GetAttribute("value"), input.GetAttribute("maxlength"), input.GetAttribute("pattern")));
        Assert.True(input.HasAttribute("required"));
        Assert.Equal("id_Sku", cut.Find("label").GetAttribute("for"));
        Assert.Equal("*", cut.Find("label .text-danger").TextContent);
        Assert.Equal("id_Sku-help", input.GetAttribute("aria-describedby"));
        Assert.Equal("Unique per product.", cut.Find("#id_Sku-help").TextContent);
    }

    [Fact]
    public void Errors_are_listed_beside_the_field_and_described_by_it()
    {
        var field = new FormFieldViewModel { Name = "Price", Label = "Price", Widget = WidgetKind.Decimal, Value = "x", Step = "0.01", Min = "0" };
        field.Errors.Add("Enter a number.");

        var cut = RenderField(field);

        var input = cut.Find("input");
        Assert.Equal(("number", "0.01", "0"), (input.GetAttribute("type"), input.GetAttribute("step"), input.GetAttribute("min")));
        Assert.Contains("is-invalid", input.ClassName);
        Assert.Equal("id_Price-errors", input.GetAttribute("aria-describedby"));
        Assert.Equal("Enter a number.", cut.Find("#id_Price-errors li").TextContent);
    }

    [Theory]
    [InlineData(WidgetKind.Date, "date")]
    [InlineData(WidgetKind.DateTime, "datetime-local")]
    [InlineData(WidgetKind.Time, "time")]
    [InlineData(WidgetKind.Email, "email")]
    [InlineData(WidgetKind.Url, "url")]
    [InlineData(WidgetKind.Number, "number")]
    public void Input_types_follow_the_widget(WidgetKind widget, string type)
    {
        var cut = RenderField(new FormFieldViewModel { Name = "F", Label = "F", Widget = widget, Value = "v" });

        Assert.Equal(type, cut.Find("input").GetAttribute("type"));
    }

    [Fact]
    public void A_long_text_is_a_textarea_with_its_value_escaped()
    {
        var cut = RenderField(new FormFieldViewModel { Name = "Description", Label = "Description", Widget = WidgetKind.TextArea, Value = "</textarea><script>x</script>" });

        Assert.Equal("</textarea><script>x</script>", cut.Find("textarea").TextContent);
        Assert.DoesNotContain("<script>", cut.Markup);
    }

    [Fact]
    public void A_checkbox_is_ticked_from_the_value()
    {
        var cut = RenderField(new FormFieldViewModel { Name = "IsActive", Label = "Active", Widget = WidgetKind.Checkbox, Value = "true" });

        var box = cut.Find("input[type=checkbox]");
        Assert.True(box.HasAttribute("checked"));
        Assert.Equal("true", box.GetAttribute("value"));
        Assert.Equal("id_IsActive", cut.Find("label").GetAttribute("for"));
    }

    [Fact]
    public void A_nullable_boolean_is_a_three_way_select()
    {
        var cut = RenderField(new FormFieldViewModel { Name = "Gift", Label = "Gift", Widget = WidgetKind.NullableBoolean, Value = "false" });

        Assert.Equal(["Unknown", "Yes", "No"], cut.FindAll("option").Select(o => o.TextContent));
        Assert.Equal("false", cut.Find("option[selected]").GetAttribute("value"));
    }

    [Fact]
    public void Enum_and_foreign_key_selects_mark_the_chosen_option()
    {
        var cut = RenderField(new FormFieldViewModel
        {
            Name = "CategoryId", Label = "Category", Widget = WidgetKind.ForeignKey, Required = true,
            Options = [new("1", "Hats", false), new("2", "Shoes <new>", true)],
        });

        Assert.Equal(["---------", "Hats", "Shoes <new>"], cut.FindAll("option").Select(o => o.TextContent));
        Assert.Equal("2", cut.Find("option[selected]").GetAttribute("value"));
        Assert.True(cut.Find("select").HasAttribute("required"));
    }

    [Fact]
    public void Many_to_many_is_a_multiple_select()
    {
        var cut = RenderField(new FormFieldViewModel
        {
            Name = "Tags", Label = "Tags", Widget = WidgetKind.ManyToMany,
            Options = [new("1", "Sale", true), new("2", "Summer", false), new("3", "New", true)],
        });

        Assert.True(cut.Find("select").HasAttribute("multiple"));
        Assert.Equal(["1", "3"], cut.FindAll("option[selected]").Select(o => o.GetAttribute("value")));
        Assert.DoesNotContain("---------", cut.Markup);
    }

    [Fact]
    public void A_read_only_field_shows_its_value_as_text_and_no_input()
    {
        var cut = RenderField(new FormFieldViewModel { Name = "Number", Label = "Order number", ReadOnly = true, DisplayValue = "<b>ORD-1</b>" });

        Assert.Empty(cut.FindAll("input, select, textarea"));
        Assert.Equal("<b>ORD-1</b>", cut.Find(".admin-readonly").TextContent);
        Assert.Equal("id_Number-label", cut.Find(".admin-readonly").GetAttribute("aria-labelledby"));
    }

    [Fact]
    public void In_a_changelist_row_the_label_names_the_row_for_screen_readers_only()
    {
        var cut = Render<FieldWidget>(p => p
            .Add(c => c.Field, new FormFieldViewModel { Name = "form-0-Stock", Label = "Stock", Widget = WidgetKind.Number, Value = "5", Required = true, HelpText = "Units" })
            .Add(c => c.Compact, true)
            .Add(c => c.RowLabel, "Boot"));

        Assert.Equal("Stock of Boot", cut.Find("label").TextContent.Trim());
        Assert.Contains("visually-hidden", cut.Find("label").ClassName);
        Assert.Empty(cut.FindAll(".form-text"));
        Assert.Equal("id_form-0-Stock", cut.Find("input").Id);
    }

    [Fact]
    public void A_read_only_value_in_an_inline_row_is_labelled_by_its_row_for_screen_readers_only()
    {
        var cut = Render<FieldWidget>(p => p
            .Add(c => c.Field, new FormFieldViewModel { Name = "lines-0-Quantity", Label = "Quantity", ReadOnly = true, DisplayValue = "2" })
            .Add(c => c.Compact, true)
            .Add(c => c.RowLabel, "2 × Boot"));

        var label = cut.Find("#id_lines-0-Quantity-label");
        Assert.Equal(("Quantity of 2 × Boot", "visually-hidden"), (label.TextContent, label.ClassName));
        Assert.Equal("2", cut.Find(".admin-readonly").TextContent);
    }

    [Fact]
    public void A_prepopulated_field_names_the_inputs_it_is_filled_from()
    {
        var cut = RenderField(new FormFieldViewModel { Name = "Slug", Label = "Slug", Widget = WidgetKind.Text, PrepopulatedFrom = "id_Name" });

        Assert.Equal("id_Name", cut.Find("input#id_Slug").GetAttribute("data-prepopulate-from"));
        Assert.False(RenderField(new FormFieldViewModel { Name = "Sku", Label = "SKU", Widget = WidgetKind.Text }).Find("input").HasAttribute("data-prepopulate-from"));
    }
}
