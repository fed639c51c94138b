using System.ComponentModel.DataAnnotations;
using WebApp.Data;

namespace WebApp.Catalog;

public class Product : ITimestamped, IVersioned
{
    public int Id { get; set; }

    [Required, StringLength(200)]
    public string Name { get; set; } = "";

    [Required, StringLength(220)]
    [RegularExpression(Slugs.Pattern, ErrorMessage = Slugs.ErrorMessage)]
    [Display(Description = "Lower-case letters, digits and hyphens; used in the page address.")]
    public string Slug { get; set; } = "";

    [Required, StringLength(40)]
    [Display(Name = "SKU", Description = "Stock-keeping unit; unique per product.")]
    public string Sku { get; set; } = "";

    [StringLength(4000)]
    [DataType(DataType.MultilineText)]
    public string? Description { get; set; }

    [Range(typeof(decimal), "0", "99999999.99", ErrorMessage = "Price must be between 0 and 99,999,999.99.")]
    [DataType(DataType.Currency)]
    public decimal Price { get; set; }

    [Range(0, int.MaxValue, ErrorMessage = "Stock cannot be negative.")]
    public int Stock { get; set; }

    [Display(Name = "Active", Description = "Inactive products are hidden from the shop.")]
    public bool IsActive { get; set; } = true;

    [Display(Name = "Category")]
    public int CategoryId { get; set; }
    public Category? Category { get; set; }

    public List<Tag> Tags { get; set; } = [];
    public List<Review> Reviews { get; set; } = [];
    public List<ProductImage> Images { get; set; } = [];

    [Display(Name = "Created")]
    public DateTime CreatedAt { get; set; }

    [Display(Name = "Updated")]
    public DateTime UpdatedAt { get; set; }

    /// <summary>Optimistic-concurrency token: an admin form shown before a checkout took stock cannot write the old stock back.</summary>
    public Guid Version { get; set; }

    public override string ToString() => Name;
}
