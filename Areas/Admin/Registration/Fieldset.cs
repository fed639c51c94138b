using System.Linq.Expressions;

namespace WebApp.Admin;

/// <summary>A titled group of change-form fields (Django's fieldsets).</summary>
public sealed record Fieldset<T>(string? Title, IReadOnlyList<Expression<Func<T, object?>>> Fields) where T : class
{
    public string? Description { get; init; }

    /// <summary>Rendered as a closed &lt;details&gt; the user can open.</summary>
    public bool Collapsed { get; init; }

    /// <summary>Fields that are not the model's properties, after <see cref="Fields"/>.</summary>
    public IReadOnlyList<ExtraField> Extra { get; init; } = [];
}
