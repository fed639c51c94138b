using Bunit;
using WebApp.Admin;
using WebApp.Admin.Components;

namespace WebApp.Tests.Admin.Components;

public class ManyToManyPickerTests : BunitContext
{
    private static FormFieldViewModel Roles(string? helpText = null) => new()
    {
        Name = "Roles",
        HelpText = helpText,
        Label = "Roles",
        Widget = WidgetKind.ManyToMany,
        Options = [new("r1", "Fulfilment", true), new("r2", "<b>Review</b> moderation", false)],
    };

    [Fact]
    public void Without_javascript_it_is_a_labelled_plain_multi_select_posting_the_chosen_values()
    {
        var cut = Render<FieldWidget>(p => p.Add(c => c.Field, Roles(helpText: "Hold down Ctrl to choose more.")));

        var select = cut.Find("select");
        Assert.Equal(("id_Roles", "Roles", "id_Roles-help", "Roles"),
            (select.Id, select.GetAttribute("name"), select.GetAttribute("aria-describedby"), select.GetAttribute("data-picker")));
        Assert.True(select.HasAttribute("multiple"));
        Assert.Equal(["r1", "r2"], cut.FindAll("option").Select(o => o.GetAttribute("value")));
        Assert.Equal(["Fulfilment"], cut.FindAll("option[selected]").Select(o => o.TextContent));
        // Labels are text, never markup.
        Assert.Contains("&lt;b&gt;Review&lt;/b&gt; moderation", cut.Markup);
    }

    [Fact]
    public void The_field_widget_uses_the_picker_for_many_to_many_fields_with_its_label()
    {
        var cut = Render<FieldWidget>(p => p.Add(c => c.Field, Roles()));

        Assert.Equal("id_Roles", cut.Find("label").GetAttribute("for"));
        Assert.NotNull(cut.Find("select#id_Roles[multiple][data-picker]"));
    }
}
