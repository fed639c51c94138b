using Bunit;
using WebApp.Admin;
using WebApp.Admin.Components;

namespace WebApp.Tests.Admin.Components;

/// <summary>The image field's widget, as Django's ClearableFileInput: current thumbnail, "Clear" when optional, a file input.</summary>
public class ImageWidgetTests : BunitContext
{
    private IRenderedComponent<FieldWidget> RenderField(bool required, AdminImage? image) => Render<FieldWidget>(p => p.Add(c => c.Field, new FormFieldViewModel
    {
        Name = "Picture", Label = "Picture", Required = required, Widget = WidgetKind.Image, Image = image,
    }));

    private static readonly AdminImage Current = new("/media/abc-160.jpg", "/media/abc-1280.jpg", "abc (1280 × 960)");

    [Fact]
    public void An_optional_image_shows_the_thumbnail_a_clear_box_and_an_optional_file_input()
    {
        var cut = RenderField(required: false, Current);

        var thumbnail = cut.Find(".admin-image-current a img");
        Assert.Equal(("/media/abc-160.jpg", "abc (1280 × 960)"), (thumbnail.GetAttribute("src"), thumbnail.GetAttribute("alt")));
        Assert.Equal("/media/abc-1280.jpg", cut.Find(".admin-image-current a").GetAttribute("href"));
        var clear = cut.Find("input[type=checkbox]#id_Picture-clear");
        Assert.Equal(("Picture-clear", "Clear"), (clear.GetAttribute("name"), cut.Find("label[for=id_Picture-clear]").TextContent));
        var file = cut.Find("input[type=file]#id_Picture");
        Assert.Equal("Picture", file.GetAttribute("name"));
        Assert.False(file.HasAttribute("required"));
        Assert.Equal("id_Picture", cut.Find("label.form-label").GetAttribute("for"));
    }

    [Fact]
    public void A_required_image_has_no_clear_box_and_needs_a_file_only_while_there_is_none()
    {
        Assert.Empty(RenderField(required: true, Current).FindAll("input[type=checkbox]"));
        Assert.False(RenderField(required: true, Current).Find("input[type=file]").HasAttribute("required"));

        var empty = RenderField(required: true, image: null);

        Assert.Empty(empty.FindAll(".admin-image-current"));
        Assert.True(empty.Find("input[type=file]").HasAttribute("required"));
    }
}
