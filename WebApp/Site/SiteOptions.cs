using System.ComponentModel.DataAnnotations;

namespace WebApp.Site;

/// <summary>The shop's own settings (section "Site"): the name customers see in pages, mail and authenticator apps.</summary>
public sealed class SiteOptions
{
    public const string SectionName = "Site";

    [Required(AllowEmptyStrings = false, ErrorMessage = "Site:Name must name the shop.")]
    public string Name { get; set; } = "WebApp";
}
