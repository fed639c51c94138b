using System.ComponentModel.DataAnnotations;

namespace WebApp.Site;

/// <summary>The shop's own settings (section "Site"): the name customers see in pages, mail and authenticator apps.</summary>
public sealed class SiteOptions
{
    public const string SectionName = "Site";

    [Required(AllowEmptyStrings = false, ErrorMessage = "Site:Name must name the shop.")]
    public string Name { get; set; } = "WebApp";

    /// <summary>Where customers reach the shop (Django's site domain): the base of the links in emails, sent without a request.</summary>
    [Required(AllowEmptyStrings = false, ErrorMessage = "Site:Url must be the shop's address, such as https://shop.example.com.")]
    [Url(ErrorMessage = "Site:Url must be an http or https address, such as https://shop.example.com.")]
    public string Url { get; set; } = "http://localhost:5000";

    /// <summary>An absolute link to a path of the site ("/orders/WA-1" → "https://shop.example.com/orders/WA-1").</summary>
    public string LinkTo(string path) => Url.TrimEnd('/') + path;
}
