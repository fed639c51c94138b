using System.Linq.Expressions;
using System.Reflection;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;

namespace WebApp.Admin.Metadata;

/// <summary>Rows of a related model for selects and filters: in the related admin's order, labelled by their display string.</summary>
internal static class RelatedRows
{
    public static Task<IReadOnlyList<(string Key, string Label)>> LoadChoicesAsync(
        AdminRequestContext context, IReadOnlyEntityType target, CancellationToken cancellationToken) =>
        Loader(target.ClrType)(context, target, null, null, cancellationToken);

    /// <summary>The first <paramref name="limit"/> rows in the related admin's order (to tell a short list from a big table).</summary>
    public static Task<IReadOnlyList<(string Key, string Label)>> LoadFirstChoicesAsync(
        AdminRequestContext context, IReadOnlyEntityType target, int limit, CancellationToken cancellationToken) =>
        Loader(target.ClrType)(context, target, null, limit, cancellationToken);

    /// <summary>Only the rows with the given keys (the current selection of a many-to-many field).</summary>
    public static Task<IReadOnlyList<(string Key, string Label)>> LoadByKeysAsync(
        AdminRequestContext context, IReadOnlyEntityType target, IReadOnlyCollection<object> keys, CancellationToken cancellationToken) =>
        Loader(target.ClrType)(context, target, keys, null, cancellationToken);

    private delegate Task<IReadOnlyList<(string Key, string Label)>> LoadRows(
        AdminRequestContext context, IReadOnlyEntityType target, IReadOnlyCollection<object>? keys, int? limit, CancellationToken cancellationToken);

    // LoadAsync<TRelated> bound once per related type: a changelist's filters load their choices on every request, and
    // making the generic method and invoking it by reflection each time showed in profiles.
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<Type, LoadRows> Loaders = new();

    private static LoadRows Loader(Type related) => Loaders.GetOrAdd(related, type =>
        typeof(RelatedRows).GetMethod(nameof(LoadAsync), BindingFlags.NonPublic | BindingFlags.Static)!.MakeGenericMethod(type).CreateDelegate<LoadRows>());

    private static async Task<IReadOnlyList<(string, string)>> LoadAsync<TRelated>(
        AdminRequestContext context, IReadOnlyEntityType target, IReadOnlyCollection<object>? keys, int? limit, CancellationToken cancellationToken)
        where TRelated : class
    {
        var key = target.FindPrimaryKey()!.Properties[0];
        var admin = context.Registry.Find(typeof(TRelated)) as ModelAdmin<TRelated>;
        IQueryable<TRelated> Sorted(IReadOnlyCollection<object>? only)
        {
            IQueryable<TRelated> query = context.Db.Set<TRelated>().AsNoTracking();
            if (admin is not null) query = admin.GetQueryset(query);
            if (only is not null) query = query.Where(KeyIn<TRelated>(key, only));
            return Sorting.Apply(query, admin?.Resolved.Ordering ?? [], key);
        }
        var rows = keys is null && admin?.ListsAllRows != false
            ? await AllRowsAsync(context.Db, (object?)admin ?? typeof(TRelated), () => Sorted(null), limit, cancellationToken)
            : await (limit is { } most ? Sorted(keys).Take(most) : Sorted(keys)).ToListAsync(cancellationToken);
        var read = KeyReader<TRelated>(key);
        return rows.Select(r => (ValueParsing.FormatKey(read(r)), r.ToString() ?? "")).ToList();
    }

    /// <summary>
    /// The related rows in order, or the first <paramref name="limit"/>: the same query on every request (a filter's
    /// choices, a select's options), so a compiled one (<see cref="CompiledQueries"/>).
    /// </summary>
    /// <param name="sortedRows">The query, built only to be compiled.</param>
    private static async Task<List<TRelated>> AllRowsAsync<TRelated>(
        DbContext db, object owner, Func<IQueryable<TRelated>> sortedRows, int? limit, CancellationToken cancellationToken)
    {
        var query = CompiledQueries.Get(db, owner, limit is null ? "rows" : "first-rows", () =>
        {
            var sorted = sortedRows();
            var most = Expression.Parameter(typeof(int), "limit");
            var rows = limit is null ? sorted : sorted.Provider.CreateQuery<TRelated>(
                Expression.Call(typeof(Queryable), nameof(Queryable.Take), [typeof(TRelated)], sorted.Expression, most));
            return CompiledQueries.Rows(rows, most);
        });
        var list = new List<TRelated>();
        await foreach (var row in query(db, limit ?? 0).WithCancellation(cancellationToken)) list.Add(row);
        return list;
    }

    /// <summary>row => keys.Contains(row.Key), with the keys sent as one parameter.</summary>
    public static Expression<Func<TEntity, bool>> KeyIn<TEntity>(IReadOnlyPropertyBase key, IEnumerable<object> keys)
    {
        var list = (System.Collections.IList)Activator.CreateInstance(typeof(List<>).MakeGenericType(key.ClrType))!;
        foreach (var value in keys) list.Add(value);
        var parameter = Expression.Parameter(typeof(TEntity), "row");
        var contains = Expression.Call(typeof(Enumerable), nameof(Enumerable.Contains), [key.ClrType],
            QueryParameters.Constant(list, list.GetType()), Expression.Property(parameter, key.PropertyInfo!));
        return Expression.Lambda<Func<TEntity, bool>>(contains, parameter);
    }

    // Compiled once per entity and key: compiling on every request (each filter panel and select) showed in profiles.
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<(Type, string), Delegate> KeyReaders = new();

    public static Func<TEntity, object> KeyReader<TEntity>(IReadOnlyPropertyBase key) =>
        (Func<TEntity, object>)KeyReaders.GetOrAdd((typeof(TEntity), key.Name), _ =>
        {
            var parameter = Expression.Parameter(typeof(TEntity), "row");
            return Expression.Lambda<Func<TEntity, object>>(Expression.Convert(Expression.Property(parameter, key.PropertyInfo!), typeof(object)), parameter).Compile();
        });
}

/// <summary>Applies sort keys with Queryable.OrderBy/ThenBy and always ends on the primary key, so pages are stable.</summary>
internal static class Sorting
{
    /// <param name="newestFirst">With no keys, sort by the key descending (Django's changelist default, "-pk").</param>
    /// <param name="reverseKey">Flip the closing key's direction too (keys already reversed: the list read from its end).</param>
    public static IQueryable<T> Apply<T>(IQueryable<T> query, IEnumerable<SortKey> keys, IReadOnlyPropertyBase primaryKey, bool newestFirst = false, bool reverseKey = false)
    {
        var ordered = false;
        var usedKey = false;
        foreach (var key in keys)
        {
            query = OrderBy(query, key.Key, key.Descending, ordered);
            ordered = true;
            usedKey |= key.Name == primaryKey.Name;
        }
        if (!usedKey)
        {
            var parameter = Expression.Parameter(typeof(T), "row");
            query = OrderBy(query, Expression.Lambda(Expression.Property(parameter, primaryKey.PropertyInfo!), parameter), descending: (!ordered && newestFirst) != reverseKey, ordered);
        }
        return query;
    }

    private static IQueryable<T> OrderBy<T>(IQueryable<T> query, LambdaExpression key, bool descending, bool thenBy)
    {
        // Computed keys arrive boxed (row => (object)row.Stock); EF sorts best on the real type.
        if (key.Body is UnaryExpression { NodeType: ExpressionType.Convert } box && key.ReturnType == typeof(object))
            key = Expression.Lambda(box.Operand, key.Parameters);
        var method = Methods.GetOrAdd((thenBy, descending, typeof(T), key.ReturnType), k =>
        {
            var name = (k.ThenBy, k.Descending) switch
            {
                (false, false) => nameof(Queryable.OrderBy),
                (false, true) => nameof(Queryable.OrderByDescending),
                (true, false) => nameof(Queryable.ThenBy),
                (true, true) => nameof(Queryable.ThenByDescending),
            };
            return typeof(Queryable).GetMethods().Single(m => m.Name == name && m.GetParameters().Length == 2).MakeGenericMethod(k.Entity, k.Key);
        });
        return query.Provider.CreateQuery<T>(Expression.Call(method, query.Expression, Expression.Quote(key)));
    }

    // Looked up once per entity and key type: Expression.Call by name searches Queryable's methods on every call, and
    // every changelist and select sorts.
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<(bool ThenBy, bool Descending, Type Entity, Type Key), MethodInfo> Methods = new();
}
