using System.Linq.Expressions;

namespace WebApp.Admin;

/// <summary>A changelist column: a property path, or a computed expression with a header and optional sort key.</summary>
public sealed class ListColumn<T> where T : class
{
    internal ListColumn(
        Expression<Func<T, object?>> value, string? header, Expression<Func<T, object?>>? sortKey, bool isComputed, bool rendersBoolean)
    {
        Value = value;
        Header = header;
        SortKey = sortKey;
        IsComputed = isComputed;
        RendersBoolean = rendersBoolean;
    }

    public Expression<Func<T, object?>> Value { get; }
    public string? Header { get; }
    public Expression<Func<T, object?>>? SortKey { get; }
    public bool IsComputed { get; }
    public bool RendersBoolean { get; }

    public override string ToString() => Header ?? Value.ToString();
}
