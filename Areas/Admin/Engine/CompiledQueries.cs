using System.Collections.Concurrent;
using System.Linq.Expressions;
using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Query;

namespace WebApp.Admin;

/// <summary>
/// The admin's fixed-shape queries, compiled once with <c>EF.CompileAsyncQuery</c>: a changelist as it first opens (no
/// filter, search, date or sort chosen, the page most visits see) counts its rows, reads its first pages, its date
/// hierarchy's range and its filters' choices with the same SQL every time. Run as ordinary LINQ, EF walks and hashes
/// each query's expression tree on every request to find the translation it cached (a fifth of the list's CPU in
/// profiles); compiled, a query goes straight to its SQL. Only for registrations whose GetQueryset is the default one,
/// since a compiled query keeps whatever an override's expression captured (<see cref="ModelAdmin{T}.ListsAllRows"/>).
/// </summary>
internal static class CompiledQueries
{
    // Per EF model (each test host builds its own) and per shape: the registration and what the query is.
    private static readonly ConditionalWeakTable<IModel, ConcurrentDictionary<(object Owner, string Shape), Delegate>> Compiled = [];

    /// <summary>The query compiled for this shape, compiling it on first use with <paramref name="compile"/>.</summary>
    public static TQuery Get<TQuery>(DbContext db, object owner, string shape, Func<TQuery> compile) where TQuery : Delegate
    {
        var compiled = Compiled.GetValue(db.Model, static _ => new());
        return (TQuery)(compiled.TryGetValue((owner, shape), out var query) ? query : compiled.GetOrAdd((owner, shape), compile()));
    }

    /// <summary>source.Aggregate(), compiled: <c>LongCount</c>, <c>FirstOrDefault</c>... (Queryable's method of that name).</summary>
    public static Func<DbContext, CancellationToken, Task<TResult>> Value<TSource, TResult>(IQueryable<TSource> source, string aggregate) =>
        EF.CompileAsyncQuery(Expression.Lambda<Func<DbContext, CancellationToken, TResult>>(
            Expression.Call(typeof(Queryable), aggregate, [typeof(TSource)], Detached(source)), Db, Token));

    /// <summary>The rows of <paramref name="query"/>, compiled; it may use <paramref name="parameter"/> (a limit, say).</summary>
    public static Func<DbContext, int, IAsyncEnumerable<TResult>> Rows<TResult>(IQueryable<TResult> query, ParameterExpression parameter) =>
        EF.CompileAsyncQuery(Expression.Lambda<Func<DbContext, int, IQueryable<TResult>>>(Detached(query), Db, parameter));

    /// <summary>The rows of <paramref name="query"/>, compiled; it uses the two parameters (skip and take, say).</summary>
    public static Func<DbContext, int, int, IAsyncEnumerable<TResult>> Rows<TResult>(IQueryable<TResult> query, ParameterExpression first, ParameterExpression second) =>
        EF.CompileAsyncQuery(Expression.Lambda<Func<DbContext, int, int, IQueryable<TResult>>>(Detached(query), Db, first, second));

    private static readonly ParameterExpression Db = Expression.Parameter(typeof(DbContext), "db");
    private static readonly ParameterExpression Token = Expression.Parameter(typeof(CancellationToken), "cancellationToken");

    /// <summary>
    /// A query built on a request's context, made fit to compile: its roots lose their link to that context (the
    /// compiled query runs on the context it is given, and must not keep the first one alive).
    /// </summary>
    private static Expression Detached(IQueryable query) => new RootDetacher().Visit(query.Expression);

    private sealed class RootDetacher : ExpressionVisitor
    {
        protected override Expression VisitExtension(Expression node) =>
            node is QueryRootExpression root ? root.DetachQueryProvider() : base.VisitExtension(node);
    }
}
