
namespace WebApp.Media;

public static class MediaSetup
{
    public const string PathPrefix = "/media/";

    /// <summary>The media store (a folder, <c>Media:Root</c>) and image uploads, with limits from section "Media".</summary>
    public static WebApplicationBuilder AddMedia(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<MediaOptions>().BindConfiguration(MediaOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddSingleton<IMediaStore, FolderMediaStore>();
        builder.Services.AddSingleton<ImageUploads>();
        return builder;
    }

    /// <summary>
    /// Serves <c>/media/{key}</c>. Keys are content hashes, so a file never changes under its address: browsers and
    /// proxies keep it for a year without asking again. Only valid keys are looked up (no listing, no path).
    /// </summary>
    public static WebApplication UseMedia(this WebApplication app)
    {
        app.MapGet(PathPrefix + "{key}", async (string key, IMediaStore store, HttpContext http, CancellationToken cancellationToken) =>
        {
            if (!MediaKeys.IsValid(key) || await store.OpenAsync(key, cancellationToken) is not { } content)
                return Results.NotFound();
            http.Response.Headers.CacheControl = "public, max-age=31536000, immutable";
            http.Response.Headers.XContentTypeOptions = "nosniff";
            return Results.Stream(content, MediaKeys.ContentType(key));
        }).ExcludeFromDescription();
        return app;
    }

    public static string UrlOf(string key) => PathPrefix + key;
}
