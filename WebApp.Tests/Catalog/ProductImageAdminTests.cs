using System.Net;
using Microsoft.EntityFrameworkCore;
using WebApp.Catalog;
using WebApp.Media;
using WebApp.Tests.Admin;
using WebApp.Tests.Infrastructure;
using static WebApp.Tests.Infrastructure.HtmlForms;

namespace WebApp.Tests.Catalog;

/// <summary>Staff upload product pictures through the admin's image field: checked by content, re-encoded, every size stored.</summary>
public class ProductImageAdminTests : AdminTestBase
{
    private const string AddUrl = "/admin/catalog/productimage/add/";

    private static List<KeyValuePair<string, string>> ImageFields(int productId, string alt = "A red boot, side view", bool primary = true) =>
    [
        Field("ProductId", productId.ToString()), Field("AltText", alt), Field("SortOrder", "0"),
        Field("IsPrimary", primary ? "true" : "false"), Field("_save", "1"),
    ];

    private async Task<Product> ProductAsync() =>
        await Factory.AddProductAsync("Red boot", (await Factory.AddCategoryAsync("Shoes")).Id);

    private Task<List<ProductImage>> ImagesAsync() => Factory.WithDbAsync(db => db.ProductImages.AsNoTracking().OrderBy(i => i.Id).ToListAsync());

    private byte[] Stored(string key) => File.ReadAllBytes(Path.Combine(Factory.MediaDirectory, key));

    private string[] MediaFiles() =>
        Directory.Exists(Factory.MediaDirectory) ? Directory.GetFiles(Factory.MediaDirectory).Select(f => Path.GetFileName(f)).Order().ToArray() : [];

    [Fact]
    public async Task The_add_form_posts_multipart_with_a_file_input_for_pictures()
    {
        await ProductAsync();
        var client = await SuperuserAsync();

        var page = await client.GetHtmlAsync(AddUrl);

        var form = page.QuerySelector("form.admin-change-form")!;
        Assert.Equal("multipart/form-data", form.GetAttribute("enctype"));
        Assert.NotNull(form.QuerySelector("input[name=__RequestVerificationToken]"));
        var input = page.QuerySelector("#id_Image")!;
        Assert.Equal("file", input.GetAttribute("type"));
        Assert.Equal("image/jpeg,image/png,image/gif,image/webp", input.GetAttribute("accept"));
        Assert.True(input.HasAttribute("required"));
        Assert.Equal("Image", page.QuerySelector("label[for=id_Image]")!.TextContent.Trim().TrimEnd('*').Trim());
        // Other change forms stay url-encoded.
        Assert.Null((await client.GetHtmlAsync("/admin/catalog/category/add/")).QuerySelector("form.admin-change-form")!.GetAttribute("enctype"));
    }

    [Theory]
    [InlineData("png")]
    [InlineData("jpeg")]
    public async Task An_upload_is_re_encoded_without_metadata_in_every_size(string format)
    {
        var product = await ProductAsync();
        var client = await SuperuserAsync();
        var file = format == "png" ? TestImages.Png(1000, 750, withMetadata: true) : TestImages.Jpeg(1000, 750, withMetadata: true);
        Assert.Contains(TestImages.Secret, System.Text.Encoding.ASCII.GetString(file));

        var response = await client.PostMultipartWithTokenAsync(AddUrl, ImageFields(product.Id), "Image", "boot." + format, file);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var image = Assert.Single(await ImagesAsync());
        Assert.Equal((product.Id, "A red boot, side view", 1000, 750, true), (image.ProductId, image.AltText, image.Width, image.Height, image.IsPrimary));
        Assert.Matches("^[0-9a-f]{32}$", image.ImageKey);
        Assert.Equal(new[] { 160, 320, 640, 1000 }.Select(w => $"{image.ImageKey}-{w}.jpg").Order(), MediaFiles());
        foreach (var (width, height) in new[] { (160, 120), (320, 240), (640, 480), (1000, 750) })
        {
            var stored = Stored($"{image.ImageKey}-{width}.jpg");
            Assert.Equal((width, height, false, "JPEG"), TestImages.Inspect(stored));
            Assert.DoesNotContain(TestImages.Secret, System.Text.Encoding.ASCII.GetString(stored));
        }
    }

    [Fact]
    public async Task A_big_picture_is_kept_at_most_1280_wide()
    {
        var product = await ProductAsync();
        var client = await SuperuserAsync();

        await client.PostMultipartWithTokenAsync(AddUrl, ImageFields(product.Id), "Image", "wide.png", TestImages.Png(2000, 1000));

        var image = Assert.Single(await ImagesAsync());
        Assert.Equal((1280, 640), (image.Width, image.Height));
        Assert.Equal((1280, 640, false, "JPEG"), TestImages.Inspect(Stored($"{image.ImageKey}-1280.jpg")));
    }

    [Fact]
    public async Task A_text_file_named_png_is_refused_with_a_message_and_changes_nothing()
    {
        var product = await ProductAsync();
        var client = await SuperuserAsync();

        var response = await client.PostMultipartWithTokenAsync(AddUrl, ImageFields(product.Id), "Image", "boot.png",
            System.Text.Encoding.UTF8.GetBytes("<?php echo 'not a picture'; ?>"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await response.ReadHtmlAsync();
        Assert.Contains(ImageUploads.NotAnImage, page.QuerySelector("#id_Image-errors")!.TextContent);
        Assert.Equal("A red boot, side view", page.QuerySelector("#id_AltText")!.GetAttribute("value"));
        Assert.Empty(await ImagesAsync());
        Assert.Empty(MediaFiles());
    }

    [Fact]
    public async Task A_form_without_a_picture_says_it_is_required()
    {
        var product = await ProductAsync();
        var client = await SuperuserAsync();

        var response = await client.PostMultipartWithTokenAsync(AddUrl, ImageFields(product.Id), "Image", "", null);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("This field is required.", (await response.ReadHtmlAsync()).QuerySelector("#id_Image-errors")!.TextContent.Trim());
        Assert.Empty(await ImagesAsync());
    }

    [Fact]
    public async Task Another_field_s_error_stores_no_file()
    {
        var product = await ProductAsync();
        var client = await SuperuserAsync();

        var response = await client.PostMultipartWithTokenAsync(AddUrl, ImageFields(product.Id, alt: ""), "Image", "boot.png", TestImages.Png(300, 200));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.NotNull((await response.ReadHtmlAsync()).QuerySelector("#id_AltText-errors"));
        Assert.Empty(await ImagesAsync());
        Assert.Empty(MediaFiles());
    }

    [Fact]
    public async Task The_change_form_shows_the_current_thumbnail_and_a_replacement_gets_a_new_key()
    {
        var product = await ProductAsync();
        var client = await SuperuserAsync();
        await client.PostMultipartWithTokenAsync(AddUrl, ImageFields(product.Id), "Image", "first.png", TestImages.Png(400, 300));
        var first = Assert.Single(await ImagesAsync());
        var changeUrl = $"/admin/catalog/productimage/{first.Id}/change/";

        var page = await client.GetHtmlAsync(changeUrl);
        var thumbnail = page.QuerySelector(".admin-image-current img")!;
        Assert.Equal($"/media/{first.ImageKey}-160.jpg", thumbnail.GetAttribute("src"));
        Assert.Equal($"/media/{first.ImageKey}-400.jpg", page.QuerySelector(".admin-image-current a")!.GetAttribute("href"));
        // The picture is required: no "Clear" box, and the file input may stay empty.
        Assert.Null(page.QuerySelector("input[name=Image-clear]"));
        Assert.False(page.QuerySelector("#id_Image")!.HasAttribute("required"));

        // Saving without a new file (and with a forged "clear") keeps the picture.
        var values = page.FormValues("form.admin-change-form").With("AltText", "Boot, front").With("Image-clear", "on").With("_continue", "1");
        Assert.Equal(HttpStatusCode.Redirect, (await client.PostMultipartWithTokenAsync(changeUrl, values, "Image", "", null)).StatusCode);
        var kept = Assert.Single(await ImagesAsync());
        Assert.Equal(("Boot, front", first.ImageKey), (kept.AltText, kept.ImageKey));

        values = (await client.GetHtmlAsync(changeUrl)).FormValues("form.admin-change-form").With("_continue", "1");
        Assert.Equal(HttpStatusCode.Redirect, (await client.PostMultipartWithTokenAsync(changeUrl, values, "Image", "second.jpg", TestImages.Jpeg(500, 250))).StatusCode);
        var replaced = Assert.Single(await ImagesAsync());
        Assert.NotEqual(first.ImageKey, replaced.ImageKey);
        Assert.Equal((500, 250), (replaced.Width, replaced.Height));
        Assert.Equal($"/media/{replaced.ImageKey}-160.jpg", (await client.GetHtmlAsync(changeUrl)).QuerySelector(".admin-image-current img")!.GetAttribute("src"));

        var history = await Factory.WithDbAsync(db => db.Set<WebApp.Admin.LogEntry>().AsNoTracking().OrderBy(e => e.Id).Select(e => e.ChangeMessage).ToListAsync());
        Assert.Contains(replaced.ImageKey, history.Last());
    }

    [Fact]
    public async Task A_new_primary_image_takes_the_mark_from_the_others()
    {
        var product = await ProductAsync();
        var client = await SuperuserAsync();

        await client.PostMultipartWithTokenAsync(AddUrl, ImageFields(product.Id, "First", primary: false), "Image", "a.png", TestImages.Png(300, 200));
        await client.PostMultipartWithTokenAsync(AddUrl, ImageFields(product.Id, "Second", primary: false), "Image", "b.png", TestImages.Png(301, 200));
        await client.PostMultipartWithTokenAsync(AddUrl, ImageFields(product.Id, "Third", primary: true), "Image", "c.png", TestImages.Png(302, 200));

        Assert.Equal([("First", false), ("Second", false), ("Third", true)], (await ImagesAsync()).Select(i => (i.AltText, i.IsPrimary)));
    }

    [Fact]
    public async Task The_product_page_in_the_admin_links_to_its_images()
    {
        var product = await ProductAsync();
        var client = await SuperuserAsync();
        await client.PostMultipartWithTokenAsync(AddUrl, ImageFields(product.Id), "Image", "a.png", TestImages.Png(300, 200));

        var page = await client.GetHtmlAsync($"/admin/catalog/product/{product.Id}/change/");

        var links = page.QuerySelectorAll("a").Where(a => a.TextContent is "See them" or "Add an image").ToList();
        Assert.Equal(2, links.Count);
        var list = await client.GetHtmlAsync(links[0].GetAttribute("href")!);
        Assert.Equal(["A red boot, side view"], FirstColumn(list));
        Assert.Contains("1 image", page.Body!.TextContent);
    }

    [Fact]
    public async Task Staff_without_add_permission_get_403_and_nothing_is_stored()
    {
        var product = await ProductAsync();
        var client = await StaffAsync("viewer@example.com", "catalog.view_productimage");
        var token = (await client.GetHtmlAsync("/admin/")).AntiforgeryToken();
        var content = new MultipartFormDataContent
        {
            { new StringContent(token), "__RequestVerificationToken" },
            { new StringContent(product.Id.ToString()), "ProductId" },
            { new StringContent("Sneaky"), "AltText" },
            { new ByteArrayContent(TestImages.Png(300, 200)), "Image", "a.png" },
        };

        var response = await client.PostAsync(AddUrl, content);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Empty(await ImagesAsync());
        Assert.Empty(MediaFiles());
    }
}
