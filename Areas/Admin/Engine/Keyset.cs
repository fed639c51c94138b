using System.Globalization;
using System.Linq.Expressions;
using System.Reflection;
using Microsoft.EntityFrameworkCore.Metadata;
using WebApp.Admin.Metadata;

namespace WebApp.Admin;

/// <summary>
/// Keyset ("seek") paging: the rows after an anchor row in the changelist's order, as a predicate an index on the sort
/// keys answers directly, so page 10,000 costs what page 1 does. Only for keys that are never null (NULLs sort
/// differently on each engine) and of types with an order in SQL.
/// </summary>
internal static class Keyset
{
    private static readonly MethodInfo CompareMethod = typeof(string).GetMethod(nameof(string.Compare), [typeof(string), typeof(string)])!;

    public static bool CanSeek(IReadOnlyList<SortKey> keys, IProperty primaryKey) =>
        keys.All(k => !k.IsNullable && IsOrdered(Unboxed(k.Key).Type)) && IsOrdered(primaryKey.ClrType);

    /// <summary>"{page}.{key}": the anchor is the last row of that page.</summary>
    public static string FormatAnchor(int page, object key) =>
        page.ToString(CultureInfo.InvariantCulture) + "." + ValueParsing.FormatKey(key);

    public static (int Page, object Key)? ParseAnchor(string? text, Type keyType)
    {
        if (string.IsNullOrEmpty(text)) return null;
        var dot = text.IndexOf('.', StringComparison.Ordinal);
        if (dot <= 0 || !int.TryParse(text[..dot], NumberStyles.None, CultureInfo.InvariantCulture, out var page) || page < 1) return null;
        return ValueParsing.TryParseKey(text[(dot + 1)..], keyType) is { } key ? (page, key) : null;
    }

    /// <summary>
    /// row comes after the anchor in the order (k1, k2, ..., key): k1 after v1, or k1 = v1 and k2 after v2, and so on,
    /// ending on the primary key (ascending, or descending when nothing else orders the list: Django's "-pk").
    /// </summary>
    /// <param name="anchor">The anchor's values of <paramref name="keys"/>, then its primary key.</param>
    public static Expression<Func<T, bool>> After<T>(IReadOnlyList<SortKey> keys, IProperty primaryKey, object?[] anchor)
    {
        var parameter = Expression.Parameter(typeof(T), "row");
        var columns = keys.Select((k, i) => (Value: Unboxed(ParameterRebinder.Rebind(k.Key, parameter)), k.Descending, Anchor: anchor[i])).ToList();
        if (keys.All(k => k.Name != primaryKey.Name))
            columns.Add((Expression.Property(parameter, primaryKey.PropertyInfo!), keys.Count == 0, anchor[^1]));

        Expression? result = null;
        for (var i = columns.Count - 1; i >= 0; i--)
        {
            var (value, descending, anchorValue) = columns[i];
            var beyond = Beyond(value, anchorValue, descending);
            result = result is null ? beyond : Expression.OrElse(beyond, Expression.AndAlso(EqualTo(value, anchorValue), result));
        }
        return Expression.Lambda<Func<T, bool>>(result!, parameter);
    }

    /// <summary>value > anchor (or &lt; when descending), in SQL terms for strings, booleans and enums too.</summary>
    private static Expression Beyond(Expression value, object? anchor, bool descending)
    {
        if (value.Type == typeof(bool))
        {
            // false sorts before true: after "false" comes "true", after "true" nothing (and the reverse descending).
            var anchorTrue = (bool)anchor!;
            if (anchorTrue != descending) return Expression.Constant(false);
            return Expression.Equal(value, Expression.Constant(!descending));
        }
        var constant = QueryParameters.Constant(anchor, value.Type);
        if (value.Type == typeof(string))
        {
            var compare = Expression.Call(CompareMethod, value, constant);
            return descending ? Expression.LessThan(compare, Expression.Constant(0)) : Expression.GreaterThan(compare, Expression.Constant(0));
        }
        if (value.Type.IsEnum)
        {
            var underlying = Enum.GetUnderlyingType(value.Type);
            value = Expression.Convert(value, underlying);
            constant = Expression.Convert(constant, underlying);
        }
        return descending ? Expression.LessThan(value, constant) : Expression.GreaterThan(value, constant);
    }

    private static Expression EqualTo(Expression value, object? anchor) =>
        Expression.Equal(value, QueryParameters.Constant(anchor, value.Type));

    private static Expression Unboxed(LambdaExpression key) => Unboxed(key.Body);

    private static Expression Unboxed(Expression body) =>
        body is UnaryExpression { NodeType: ExpressionType.Convert } box && body.Type == typeof(object) ? box.Operand : body;

    private static bool IsOrdered(Type type) =>
        type == typeof(string) || type == typeof(bool) || type.IsEnum || type == typeof(int) || type == typeof(long) || type == typeof(short)
        || type == typeof(decimal) || type == typeof(double) || type == typeof(DateTime) || type == typeof(DateOnly) || type == typeof(DateTimeOffset);
}
