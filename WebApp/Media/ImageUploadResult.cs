namespace WebApp.Media;

/// <summary>What became of an upload: the stored image (key and largest size), or why it was refused (nothing stored).</summary>
public sealed record ImageUploadResult(string? Key, int Width, int Height, string? Error)
{
    public bool Succeeded => Error is null;

    public static ImageUploadResult Refused(string error) => new(null, 0, 0, error);
}
