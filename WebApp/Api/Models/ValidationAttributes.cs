using System.ComponentModel.DataAnnotations;
using WebApp.Catalog;

namespace WebApp.Api.Models;

/// <summary>Money is whole cents: 1.005 is refused rather than silently rounded.</summary>
[AttributeUsage(AttributeTargets.Property | AttributeTargets.Parameter)]
internal sealed class AtMostTwoDecimalsAttribute() : ValidationAttribute("{0} must have at most two decimals.")
{
    public override bool IsValid(object? value) => value is not decimal amount || decimal.Round(amount, 2) == amount;
}

/// <summary>One of the product list's <c>sort</c> values (<see cref="ProductSorts.AllQueryValues"/>).</summary>
[AttributeUsage(AttributeTargets.Property | AttributeTargets.Parameter)]
internal sealed class ProductSortValueAttribute() : ValidationAttribute($"Unknown sort. Use one of: {string.Join(", ", ProductSorts.AllQueryValues)}.")
{
    public override bool IsValid(object? value) => value is null || (value is string text && ProductSorts.TryParse(text, out _));
}
