namespace WebApp.Media;

/// <summary>
/// Where uploaded and generated files live, by key (see <see cref="MediaKeys"/>). A folder by default
/// (<see cref="FolderMediaStore"/>); every instance of a multi-instance deployment must see the same files.
/// </summary>
public interface IMediaStore
{
    /// <summary>Stores <paramref name="content"/> under <paramref name="key"/>, replacing a file of that key.</summary>
    Task SaveAsync(string key, Stream content, CancellationToken cancellationToken);

    /// <summary>The file's content, or null when there is none.</summary>
    Task<Stream?> OpenAsync(string key, CancellationToken cancellationToken);

    /// <summary>Removes the file; a missing file is not an error.</summary>
    Task DeleteAsync(string key, CancellationToken cancellationToken);
}
