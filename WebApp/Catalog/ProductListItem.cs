namespace WebApp.Catalog;

/// <summary>One row of a product list: only the columns the list shows.</summary>
internal sealed class ProductListItem
{
    public int Id { get; init; }
    public string Name { get; init; } = "";
    public string Slug { get; init; } = "";
    public int CategoryId { get; init; }

    /// <summary>
    /// Filled from the kept category links after the query (<see cref="CatalogQueries.NameCategoriesAsync"/>): the list's
    /// query does not join the categories, which took a third of its time in SQLite.
    /// </summary>
    public string CategoryName { get; set; } = "";
    public string CategorySlug { get; set; } = "";
    public decimal Price { get; init; }
    public int Stock { get; init; }
    public bool InStock => Stock > 0;

    /// <summary>The primary image's columns, read in the page's query (<see cref="ProductImages.PrimaryColumns"/>); null without an image.</summary>
    public string? ImageColumns { get; init; }

    /// <summary>The primary image, or null.</summary>
    public Media.MediaImage? Image => Media.MediaImage.FromColumns(ImageColumns);
}
