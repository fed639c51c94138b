using System.Net;
using Microsoft.Extensions.DependencyInjection;
using WebApp.Media;
using WebApp.Tests.Infrastructure;

namespace WebApp.Tests.Media;

/// <summary>/media/{key}: stored files with a year's immutable caching and their own content type; nothing else.</summary>
public class MediaServingTests : IDisposable
{
    private readonly WebAppFactory _factory = new();

    public void Dispose()
    {
        _factory.Dispose();
        GC.SuppressFinalize(this);
    }

    [Fact]
    public async Task A_stored_image_is_served_with_long_immutable_caching_and_nosniff()
    {
        var stored = await _factory.Services.GetRequiredService<ImageUploads>().StoreAsync(new MemoryStream(TestImages.Png(400, 300)), CancellationToken.None);
        var client = _factory.CreateClient();

        var response = await client.GetAsync($"/media/{stored.Key}-320.jpg");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("image/jpeg", response.Content.Headers.ContentType!.MediaType);
        Assert.Equal("public, max-age=31536000, immutable", response.Headers.CacheControl!.ToString());
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Equal((320, 240, false, "JPEG"), TestImages.Inspect(await response.Content.ReadAsByteArrayAsync()));
    }

    [Theory]
    [InlineData("/media/")]
    [InlineData("/media/missing-160.jpg")]
    [InlineData("/media/..%2Fappsettings.json")]
    [InlineData("/media/..%2F..%2Fetc%2Fpasswd")]
    [InlineData("/media/%2Fetc%2Fpasswd")]
    [InlineData("/media/x.jpg%20")]
    [InlineData("/media/appsettings.json")]
    [InlineData("/media/UPPER.JPG")]
    public async Task Anything_but_a_stored_key_is_not_found(string url)
    {
        // A real file one level up, where a traversal would land.
        Directory.CreateDirectory(_factory.MediaDirectory);
        await File.WriteAllTextAsync(Path.Combine(_factory.WorkDirectory, "appsettings.json"), "secret");
        var client = _factory.CreateClient();

        var response = await client.GetAsync(url);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.DoesNotContain("secret", await response.Content.ReadAsStringAsync());
    }

    [Theory]
    [InlineData("../appsettings.json")]
    [InlineData("/etc/passwd")]
    [InlineData("sub/dir.jpg")]
    [InlineData("a..jpg")]
    [InlineData("")]
    public async Task The_folder_store_refuses_keys_that_could_leave_it(string key)
    {
        var store = _factory.Services.GetRequiredService<IMediaStore>();

        await Assert.ThrowsAsync<ArgumentException>(() => store.SaveAsync(key, new MemoryStream([1, 2, 3]), CancellationToken.None));
        await Assert.ThrowsAsync<ArgumentException>(() => store.OpenAsync(key, CancellationToken.None));
        await Assert.ThrowsAsync<ArgumentException>(() => store.DeleteAsync(key, CancellationToken.None));
    }

    [Fact]
    public async Task The_folder_store_saves_replaces_opens_and_deletes_by_key()
    {
        var store = _factory.Services.GetRequiredService<IMediaStore>();

        await store.SaveAsync("note-1.png", new MemoryStream([1, 2, 3]), CancellationToken.None);
        await store.SaveAsync("note-1.png", new MemoryStream([4, 5]), CancellationToken.None);
        await using (var opened = await store.OpenAsync("note-1.png", CancellationToken.None))
        {
            var content = new MemoryStream();
            await opened!.CopyToAsync(content);
            Assert.Equal([4, 5], content.ToArray());
        }
        Assert.Equal(["note-1.png"], Directory.GetFiles(_factory.MediaDirectory).Select(Path.GetFileName));

        await store.DeleteAsync("note-1.png", CancellationToken.None);
        await store.DeleteAsync("note-1.png", CancellationToken.None);

        Assert.Null(await store.OpenAsync("note-1.png", CancellationToken.None));
        Assert.Empty(Directory.GetFiles(_factory.MediaDirectory));
    }
}
