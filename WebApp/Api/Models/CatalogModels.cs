using System.ComponentModel;
using System.ComponentModel.DataAnnotations;
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Mvc;
using WebApp.Catalog;

namespace WebApp.Api.Models;

/// <summary>A category as products refer to it.</summary>
internal sealed class CategoryReference
{
    public int Id { get; init; }
    public string Name { get; init; } = "";
    public string Slug { get; init; } = "";
}

internal sealed class CategoryResponse
{
    public int Id { get; init; }
    public string Name { get; init; } = "";
    public string Slug { get; init; } = "";
    public string? Description { get; init; }

    [Description("Active products in the category.")]
    public int ProductCount { get; init; }
}

/// <summary>A product in a list.</summary>
internal sealed class ProductSummaryResponse
{
    public int Id { get; init; }
    public string Name { get; init; } = "";
    public string Slug { get; init; } = "";
    public string Sku { get; init; } = "";
    public decimal Price { get; init; }
    public int Stock { get; init; }
    public CategoryReference Category { get; init; } = new();
}

/// <summary>One product with its category and the rating of its approved reviews.</summary>
internal sealed class ProductResponse
{
    public int Id { get; init; }
    public string Name { get; init; } = "";
    public string Slug { get; init; } = "";
    public string Sku { get; init; } = "";
    public string? Description { get; init; }
    public decimal Price { get; init; }
    public int Stock { get; init; }

    [Description("Inactive products are hidden from the shop (and from callers without catalog.view_product).")]
    public bool IsActive { get; init; }

    public CategoryReference Category { get; init; } = new();

    [Description("Tag names, read-only through the API.")]
    public IReadOnlyList<string> Tags { get; init; } = [];

    [Description("Average star rating (1-5) of approved reviews, to two decimals; null without reviews.")]
    public double? AverageRating { get; set; }

    [Description("Number of approved reviews.")]
    public int ReviewCount { get; init; }

    public DateTime CreatedAt { get; init; }
    public DateTime UpdatedAt { get; init; }
}

/// <summary>
/// A product to create or replace (POST, PUT). The rules are the Product entity's own (lengths, slug pattern, price
/// and stock ranges), read through <see cref="ModelMetadataTypeAttribute"/>, so the admin and the API agree.
/// </summary>
[ModelMetadataType(typeof(Product))]
[JsonUnmappedMemberHandling(JsonUnmappedMemberHandling.Disallow)]
internal sealed class ProductRequest
{
    public string? Name { get; init; }

    public string? Slug { get; init; }

    public string? Sku { get; init; }

    public string? Description { get; init; }

    [Required, AtMostTwoDecimals]
    [Description("Price in the shop's currency, at most two decimals.")]
    public decimal? Price { get; init; }

    [Required]
    public int? Stock { get; init; }

    [Description("Defaults to true.")]
    public bool? IsActive { get; init; }

    [Required]
    [Description("Id of an existing category (see GET /api/categories).")]
    public int? CategoryId { get; init; }
}
