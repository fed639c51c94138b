using System.ComponentModel.DataAnnotations;

namespace WebApp.Catalog;

public class Category
{
    public int Id { get; set; }

    [Required, StringLength(100)]
    [Display(Name = "Name")]
    public string Name { get; set; } = "";

    [Required, StringLength(120)]
    [RegularExpression(Slugs.Pattern, ErrorMessage = Slugs.ErrorMessage)]
    [Display(Name = "Slug", Description = "Lower-case letters, digits and hyphens; used in the page address.")]
    public string Slug { get; set; } = "";

    [StringLength(2000)]
    [DataType(DataType.MultilineText)]
    public string? Description { get; set; }

    public List<Product> Products { get; set; } = [];

    public override string ToString() => Name;
}
