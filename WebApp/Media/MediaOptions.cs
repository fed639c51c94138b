using System.ComponentModel.DataAnnotations;

namespace WebApp.Media;

/// <summary>Settings of section "Media": where files live and what an upload may be.</summary>
public sealed class MediaOptions
{
    public const string Section = "Media";

    /// <summary>The media folder, relative to the content root; in a multi-instance deployment, a folder they all share.</summary>
    [Required(AllowEmptyStrings = false, ErrorMessage = "Media:Root must name the media folder.")]
    public string Root { get; set; } = "data/media";

    /// <summary>
    /// The shop's public address (<c>https://shop.example.com</c>): mails show pictures from it. Unset, mails have none,
    /// because a mail needs an absolute address and the request's Host header is the visitor's to choose.
    /// </summary>
    [Url(ErrorMessage = "Media:PublicBaseUrl must be an absolute http(s) address.")]
    public string? PublicBaseUrl { get; set; }

    /// <summary>The largest upload accepted, in bytes.</summary>
    [Range(1, 100 * 1024 * 1024, ErrorMessage = "Media:MaxUploadBytes must be between 1 and 104857600.")]
    public long MaxUploadBytes { get; set; } = 10 * 1024 * 1024;

    /// <summary>The most pixels (width × height) an upload may have: decoding takes about four bytes of memory each.</summary>
    [Range(1, 100_000_000, ErrorMessage = "Media:MaxPixels must be between 1 and 100000000.")]
    public long MaxPixels { get; set; } = 25_000_000;
}
