using System.Linq.Expressions;
using System.Reflection;
using Microsoft.EntityFrameworkCore;

namespace WebApp.Data.Providers;

/// <summary>
/// The LIKE-based matching every engine shares: the text is escaped with '\' (its wildcards taken literally) and put in
/// a query parameter; each engine names its wildcards and its case-insensitive LIKE function.
/// </summary>
internal abstract class LikeMatching : ITextMatching
{
    public const string Escape = @"\";

    /// <summary>Characters that LIKE treats as special on this engine, besides the escape character.</summary>
    protected abstract IReadOnlyList<char> Wildcards { get; }

    /// <summary>The case-insensitive LIKE method: (DbFunctions, matchExpression, pattern, escapeCharacter).</summary>
    protected abstract MethodInfo LikeMethod { get; }

    public string Pattern(string text, TextMatch match)
    {
        var escaped = text.Replace(Escape, Escape + Escape, StringComparison.Ordinal);
        foreach (var wildcard in Wildcards)
            escaped = escaped.Replace(wildcard.ToString(), Escape + wildcard, StringComparison.Ordinal);
        return match == TextMatch.Contains ? "%" + escaped + "%" : escaped + "%";
    }

    public Expression Matches(Expression field, string text, TextMatch match) =>
        Expression.Call(LikeMethod, Expression.Constant(EF.Functions), field, Parameter(Pattern(text, match)), Expression.Constant(Escape));

    /// <summary>A member read on a captured object, as a C# closure makes: EF sends it as a parameter, never as SQL text.</summary>
    private static MemberExpression Parameter(string value) =>
        Expression.Property(Expression.Constant(new Captured(value)), nameof(Captured.Value));

    private sealed record Captured(string Value);

    protected static MethodInfo LikeOf(Type extensions, string name) =>
        extensions.GetMethod(name, [typeof(DbFunctions), typeof(string), typeof(string), typeof(string)])
        ?? throw new InvalidOperationException($"{extensions.Name}.{name}(DbFunctions, string, string, string) was not found.");
}
