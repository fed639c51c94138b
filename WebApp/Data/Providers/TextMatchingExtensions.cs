using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore.Query;

namespace WebApp.Data.Providers;

internal static class TextMatchingExtensions
{
    /// <summary>row => any of <paramref name="fields"/> contains <paramref name="text"/>, ignoring case.</summary>
    public static Expression<Func<T, bool>> ContainsInAny<T>(this ITextMatching matching, string text, params Expression<Func<T, string>>[] fields)
    {
        var row = Expression.Parameter(typeof(T), "row");
        var any = fields
            .Select(field => matching.Matches(ReplacingExpressionVisitor.Replace(field.Parameters[0], row, field.Body), text, TextMatch.Contains))
            .Aggregate(Expression.OrElse);
        return Expression.Lambda<Func<T, bool>>(any, row);
    }
}
