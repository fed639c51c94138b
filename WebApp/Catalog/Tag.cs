using System.ComponentModel.DataAnnotations;

namespace WebApp.Catalog;

public class Tag
{
    public int Id { get; set; }

    [Required, StringLength(60)]
    public string Name { get; set; } = "";

    [Required, StringLength(80)]
    [RegularExpression(Slugs.Pattern, ErrorMessage = Slugs.ErrorMessage)]
    public string Slug { get; set; } = "";

    public List<Product> Products { get; set; } = [];

    public override string ToString() => Name;
}
