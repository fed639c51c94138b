using System.Linq.Expressions;

namespace WebApp.Data.Providers;

/// <summary>Case-insensitive "contains" and "starts with" tests in SQL, the searched text always taken literally.</summary>
internal interface ITextMatching
{
    /// <summary>An expression true when the string <paramref name="field"/> contains (or starts with) <paramref name="text"/>, ignoring case.</summary>
    Expression Matches(Expression field, string text, TextMatch match);
}
