using Microsoft.Extensions.Options;

namespace WebApp.Media;

/// <summary>The media store as a folder (<see cref="MediaOptions.Root"/>): one file per key, written whole then renamed into place.</summary>
internal sealed class FolderMediaStore : IMediaStore
{
    private readonly string _root;

    public FolderMediaStore(IOptions<MediaOptions> options, IWebHostEnvironment environment)
    {
        _root = Path.GetFullPath(options.Value.Root, environment.ContentRootPath);
        Directory.CreateDirectory(_root);
    }

    public async Task SaveAsync(string key, Stream content, CancellationToken cancellationToken)
    {
        var path = PathOf(key);
        // A reader (or another instance) never sees half a file: write aside, then rename, which replaces atomically.
        var partial = path + "." + Guid.NewGuid().ToString("N") + ".partial";
        try
        {
            await using (var file = new FileStream(partial, FileMode.CreateNew, FileAccess.Write, FileShare.None, 81920, useAsync: true))
                await content.CopyToAsync(file, cancellationToken);
            File.Move(partial, path, overwrite: true);
        }
        finally
        {
            File.Delete(partial);
        }
    }

    public Task<Stream?> OpenAsync(string key, CancellationToken cancellationToken)
    {
        var path = PathOf(key);
        try
        {
            return Task.FromResult<Stream?>(new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read | FileShare.Delete, 81920, useAsync: true));
        }
        catch (FileNotFoundException)
        {
            return Task.FromResult<Stream?>(null);
        }
    }

    public Task DeleteAsync(string key, CancellationToken cancellationToken)
    {
        File.Delete(PathOf(key));
        return Task.CompletedTask;
    }

    private string PathOf(string key)
    {
        // Keys come from the app, never from a visitor unchecked; refusing here too makes traversal impossible by construction.
        if (!MediaKeys.IsValid(key)) throw new ArgumentException($"'{key}' is not a media key.", nameof(key));
        return Path.Combine(_root, key);
    }
}
