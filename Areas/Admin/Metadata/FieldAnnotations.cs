using System.Collections.Concurrent;
using System.ComponentModel.DataAnnotations;
using System.Reflection;

namespace WebApp.Admin.Metadata;

/// <summary>
/// The DataAnnotations a form field reads from its property: widget hints ([DataType], [EmailAddress], [Url]),
/// constraints ([Required], [Range], [StringLength], [RegularExpression]) and help text ([Display(Description)]).
/// Read once per property: a changelist builds its list-editable inputs on every request, and reading attributes each
/// time showed in profiles.
/// </summary>
internal sealed record FieldAnnotations(
    DataType? DataType, bool Required, RangeAttribute? Range, int? StringLength, string? Pattern, bool Email, bool Url, string? Description)
{
    public static readonly FieldAnnotations None = new(null, false, null, null, null, false, false, null);

    private static readonly ConcurrentDictionary<PropertyInfo, FieldAnnotations> Known = new();

    public static FieldAnnotations Of(PropertyInfo? property) => property is null ? None : Known.GetOrAdd(property, Read);

    private static FieldAnnotations Read(PropertyInfo property) => new(
        property.GetCustomAttribute<DataTypeAttribute>()?.DataType,
        property.GetCustomAttribute<RequiredAttribute>() is not null,
        property.GetCustomAttribute<RangeAttribute>(),
        property.GetCustomAttribute<StringLengthAttribute>()?.MaximumLength,
        property.GetCustomAttribute<RegularExpressionAttribute>()?.Pattern,
        property.GetCustomAttribute<EmailAddressAttribute>() is not null,
        property.GetCustomAttribute<UrlAttribute>() is not null,
        property.GetCustomAttribute<DisplayAttribute>()?.GetDescription());
}
