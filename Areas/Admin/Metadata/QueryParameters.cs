using System.Linq.Expressions;

namespace WebApp.Admin.Metadata;

/// <summary>Values put into expression trees so that EF sends them as SQL parameters, never as literals.</summary>
internal static class QueryParameters
{
    public static Expression Constant(object? value, Type? type = null)
    {
        type ??= value?.GetType() ?? typeof(object);
        var holderType = typeof(Holder<>).MakeGenericType(type);
        var holder = Activator.CreateInstance(holderType, value)!;
        // A member read on a captured object is what a C# closure produces; EF turns it into a parameter.
        return Expression.Property(Expression.Constant(holder), nameof(Holder<object>.Value));
    }

    private sealed class Holder<TValue>(TValue value)
    {
        public TValue Value { get; } = value;
    }
}
