namespace WebApp.Catalog;

/// <summary>A category as the shop lists it, with the number of products on sale in it.</summary>
internal sealed class CategorySummary
{
    public int Id { get; init; }
    public string Name { get; init; } = "";
    public string Slug { get; init; } = "";
    public string? Description { get; init; }
    public int ActiveProductCount { get; set; }
}

/// <summary>A category's name and address, for menus.</summary>
internal sealed class CategoryLink
{
    public int Id { get; init; }
    public string Name { get; init; } = "";
    public string Slug { get; init; } = "";
}
