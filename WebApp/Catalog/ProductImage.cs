using System.ComponentModel.DataAnnotations;

namespace WebApp.Catalog;

/// <summary>
/// A picture of a product, stored in the media store under <see cref="ImageKey"/> in the sizes of
/// <see cref="Media.ImageSizes"/>. A product's primary image is the one lists, the cart and mails show; the product page
/// shows them all, primary first, then by <see cref="SortOrder"/>.
/// </summary>
public class ProductImage
{
    public int Id { get; set; }

    [Display(Name = "Product")]
    public int ProductId { get; set; }
    public Product? Product { get; set; }

    /// <summary>The media key of the re-encoded image (a content hash): a replaced image gets a new key, so a new URL.</summary>
    [StringLength(64)]
    public string ImageKey { get; set; } = "";

    /// <summary>The stored image's size in pixels (the largest size kept), for width/height attributes and srcset.</summary>
    public int Width { get; set; }

    public int Height { get; set; }

    [Required, StringLength(200)]
    [Display(Name = "Alt text", Description = "What the picture shows, read out to visitors who cannot see it.")]
    public string AltText { get; set; } = "";

    [Range(0, 1000)]
    [Display(Name = "Order", Description = "Smaller numbers come first on the product page.")]
    public int SortOrder { get; set; }

    [Display(Name = "Primary", Description = "Shown in lists, the cart and mails. Making this one primary makes the product's other images not primary.")]
    public bool IsPrimary { get; set; }

    public override string ToString() => AltText;
}
