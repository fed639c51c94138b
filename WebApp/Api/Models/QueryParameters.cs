using System.ComponentModel;
using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using WebApp.Catalog;

namespace WebApp.Api.Models;

/// <summary>Paging of a list. Display names are the query names, so messages name what the caller typed.</summary>
internal class PagingParameters
{
    public const int DefaultPageSize = 20;
    public const int MaxPageSize = 100;

    [FromQuery(Name = "page"), Display(Name = "page")]
    [Range(1, int.MaxValue, ErrorMessage = "page must be 1 or more.")]
    [Description("1-based page number; defaults to 1.")]
    public int Page { get; init; } = 1;

    [FromQuery(Name = "pageSize"), Display(Name = "pageSize")]
    [Range(1, MaxPageSize, ErrorMessage = "pageSize must be between 1 and 100.")]
    [Description("Items per page, 1 to 100; defaults to 20.")]
    public int PageSize { get; init; } = DefaultPageSize;
}

/// <summary>The product list's query: strict where the site is lenient (every bad value is a 400 naming the parameter).</summary>
internal sealed class ProductListParameters : PagingParameters, IValidatableObject
{
    [FromQuery(Name = "q"), Display(Name = "q")]
    [StringLength(ProductListCriteria.MaxSearchLength, ErrorMessage = "q is limited to {1} characters.")]
    [Description("Text to find in the name, SKU or description (case-insensitive).")]
    public string? Q { get; init; }

    [FromQuery(Name = "category"), Display(Name = "category")]
    [Description("Slug of a category; only its products are listed.")]
    public string? Category { get; init; }

    [FromQuery(Name = "minPrice"), Display(Name = "minPrice")]
    [Range(typeof(decimal), "0", "99999999.99", ErrorMessage = "minPrice must be between 0 and 99999999.99.")]
    [AtMostTwoDecimals]
    [Description("Lowest price, inclusive.")]
    public decimal? MinPrice { get; init; }

    [FromQuery(Name = "maxPrice"), Display(Name = "maxPrice")]
    [Range(typeof(decimal), "0", "99999999.99", ErrorMessage = "maxPrice must be between 0 and 99999999.99.")]
    [AtMostTwoDecimals]
    [Description("Highest price, inclusive.")]
    public decimal? MaxPrice { get; init; }

    [FromQuery(Name = "sort"), Display(Name = "sort")]
    [ProductSortValue]
    [Description("name (default), -name, price, -price, newest or oldest.")]
    public string? Sort { get; init; }

    // Runs once every parameter is valid on its own.
    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (MinPrice > MaxPrice)
            yield return new ValidationResult("minPrice must not be more than maxPrice.", [nameof(MinPrice)]);
    }
}
