using Microsoft.Extensions.Options;

namespace WebApp.Catalog;

/// <summary>Configuration section <c>Catalog:ListCache</c>: which product counts the shop keeps for a while.</summary>
public sealed class ListCacheOptions
{
    public const string Section = "Catalog:ListCache";

    /// <summary>Counts of more products than this are kept for <see cref="Expiry"/>; smaller ones are always exact.</summary>
    public int CountThreshold { get; set; } = 10_000;

    /// <summary>How long a kept count is shown before the products are counted again.</summary>
    public TimeSpan Expiry { get; set; } = TimeSpan.FromSeconds(30);
}

/// <summary>Refuses to start with settings that make no sense.</summary>
internal sealed class ListCacheOptionsValidation : IValidateOptions<ListCacheOptions>
{
    public ValidateOptionsResult Validate(string? name, ListCacheOptions options)
    {
        var failures = new List<string>();
        if (options.CountThreshold < 0) failures.Add($"{ListCacheOptions.Section}:CountThreshold cannot be negative.");
        if (options.Expiry <= TimeSpan.Zero) failures.Add($"{ListCacheOptions.Section}:Expiry must be positive, such as 00:00:30.");
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
