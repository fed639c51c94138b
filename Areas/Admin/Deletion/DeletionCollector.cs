using System.Linq.Expressions;
using System.Reflection;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using WebApp.Admin.Metadata;

namespace WebApp.Admin;

/// <summary>
/// What deleting some objects takes with it, following the EF model's delete behaviours: cascades are collected,
/// restricted relations with rows are blockers. Related rows are found with subqueries (the keys never leave the
/// database), counted with COUNT and listed only up to a row budget, so the page stays fast at any size.
/// </summary>
internal sealed class DeletionCollector(AdminRequestContext context, int maxRows)
{
    // A type-level cycle (a self-referencing tree) is followed this deep at most.
    private const int MaxDepth = 12;

    private static readonly MethodInfo CollectRelationMethod =
        typeof(DeletionCollector).GetMethod(nameof(CollectRelationAsync), BindingFlags.NonPublic | BindingFlags.Instance)!;

    private readonly DeletionPlan _plan = new();
    private readonly HashSet<(Type, string)> _listed = [];
    private readonly Dictionary<(Type, string), DeletionNode> _nodes = [];
    private readonly Dictionary<string, int> _counts = new(StringComparer.Ordinal);
    private int _rows;

    public async Task<DeletionPlan> CollectAsync<T>(IReadOnlyList<T> roots, IProperty key, CancellationToken cancellationToken) where T : class
    {
        var entityType = context.Db.Model.FindEntityType(typeof(T))!;
        var admin = context.Registry.Find(typeof(T));
        var keys = roots.Select(r => key.PropertyInfo!.GetValue(r)!).ToList();
        foreach (var root in roots)
        {
            var node = Node(entityType, root, key);
            _plan.Roots.Add(node);
            _rows++;
        }
        Count(admin?.DisplayNamePlural ?? entityType.ClrType.Name, roots.Count);
        var rootKeys = SelectKeys(context.Db.Set<T>().Where(RelatedRows.KeyIn<T>(key, keys)), key);
        await CollectDependentsAsync(entityType, rootKeys, key.ClrType, depth: 0, cancellationToken);
        foreach (var (model, count) in _counts) _plan.Counts.Add((model, count));
        return _plan;
    }

    private async Task CollectDependentsAsync(IEntityType principal, IQueryable principalKeys, Type keyType, int depth, CancellationToken cancellationToken)
    {
        if (depth >= MaxDepth) return;
        foreach (var foreignKey in principal.GetReferencingForeignKeys())
        {
            var dependent = foreignKey.DeclaringEntityType;
            // Many-to-many link rows go with their owner silently, as in Django; so do owned types.
            if (dependent.HasSharedClrType || dependent.IsOwned() || foreignKey.Properties.Count != 1) continue;
            if (foreignKey.DeleteBehavior is DeleteBehavior.SetNull or DeleteBehavior.ClientSetNull) continue;
            var task = (Task)CollectRelationMethod.MakeGenericMethod(dependent.ClrType, keyType)
                .Invoke(this, [foreignKey, principalKeys, depth, cancellationToken])!;
            await task;
        }
    }

    private async Task CollectRelationAsync<TDependent, TKey>(IForeignKey foreignKey, IQueryable<TKey> principalKeys, int depth, CancellationToken cancellationToken)
        where TDependent : class
    {
        var dependentType = foreignKey.DeclaringEntityType;
        var fkProperty = foreignKey.Properties[0];
        var dependentKey = dependentType.FindPrimaryKey()!.Properties[0];
        var admin = context.Registry.Find(typeof(TDependent));

        // row => principalKeys.Contains((TKey)row.ForeignKey): one SQL statement whatever the number of parents.
        var parameter = Expression.Parameter(typeof(TDependent), "row");
        Expression fk = Expression.Property(parameter, fkProperty.PropertyInfo!);
        if (fk.Type != typeof(TKey)) fk = Expression.Convert(fk, typeof(TKey));
        var contains = Expression.Call(typeof(Queryable), nameof(Queryable.Contains), [typeof(TKey)], principalKeys.Expression, fk);
        var rows = Sorting.Apply(context.Db.Set<TDependent>().AsNoTracking().Where(Expression.Lambda<Func<TDependent, bool>>(contains, parameter)), [], dependentKey);

        var count = await rows.CountAsync(cancellationToken);
        if (count == 0) return;
        var modelName = admin?.DisplayNamePlural ?? Metadata.DisplayNames.Humanize(typeof(TDependent).Name).ToLowerInvariant() + "s";
        var cascades = foreignKey.DeleteBehavior is DeleteBehavior.Cascade or DeleteBehavior.ClientCascade;

        if (!cascades)
        {
            // Restrict / NoAction: these rows stop the delete.
            _plan.ProtectedCount += count;
            foreach (var row in await rows.Take(Math.Max(0, maxRows - _plan.Protected.Count)).ToListAsync(cancellationToken))
                _plan.Protected.Add(new DeletionNode(admin?.DisplayName ?? typeof(TDependent).Name, row.ToString() ?? "", Url(admin, dependentKey, row)));
            return;
        }

        Count(modelName, count);
        if (admin is not null && !admin.HasDeletePermission(context.User)) _plan.PermissionsNeeded.Add(admin.DisplayName);

        var budget = maxRows - _rows;
        if (budget > 0)
        {
            var listed = await rows.Take(budget).ToListAsync(cancellationToken);
            foreach (var row in listed)
            {
                var key = ValueParsing.FormatKey(dependentKey.PropertyInfo!.GetValue(row)!);
                if (!_listed.Add((typeof(TDependent), key))) continue;
                _rows++;
                var node = Node(dependentType, row, dependentKey);
                var parentValue = fkProperty.PropertyInfo!.GetValue(row);
                var parent = parentValue is null ? null : _nodes.GetValueOrDefault((foreignKey.PrincipalEntityType.ClrType, ValueParsing.FormatKey(parentValue)));
                if (parent is not null) parent.Children.Add(node);
                else _plan.Roots.Add(node);
            }
            if (count > listed.Count) _plan.Truncated = true;
        }
        else
        {
            _plan.Truncated = true;
        }

        var childKeys = SelectKeys(rows, dependentKey);
        var childKeysType = dependentKey.ClrType;
        await CollectDependentsAsync(dependentType, childKeys, childKeysType, depth + 1, cancellationToken);
    }

    private DeletionNode Node(IReadOnlyEntityType type, object row, IReadOnlyProperty key)
    {
        var admin = context.Registry.Find(type.ClrType);
        var keyText = ValueParsing.FormatKey(key.PropertyInfo!.GetValue(row)!);
        _listed.Add((type.ClrType, keyText));
        var node = new DeletionNode(admin?.DisplayName ?? type.ClrType.Name, row.ToString() ?? keyText, Url(admin, key, row));
        _nodes[(type.ClrType, keyText)] = node;
        return node;
    }

    private string? Url(ModelAdmin? admin, IReadOnlyProperty key, object row) =>
        admin is not null && admin.HasViewPermission(context.User)
            ? AdminUrls.Change(admin, ValueParsing.FormatKey(key.PropertyInfo!.GetValue(row)!))
            : null;

    private void Count(string model, int count) => _counts[model] = _counts.GetValueOrDefault(model) + count;

    /// <summary>query.Select(row => row.Key), typed by the key, for use as a subquery.</summary>
    private static IQueryable SelectKeys<TEntity>(IQueryable<TEntity> query, IReadOnlyProperty key)
    {
        var parameter = Expression.Parameter(typeof(TEntity), "row");
        var selector = Expression.Lambda(Expression.Property(parameter, key.PropertyInfo!), parameter);
        return query.Provider.CreateQuery(Expression.Call(typeof(Queryable), nameof(Queryable.Select),
            [typeof(TEntity), key.ClrType], query.Expression, Expression.Quote(selector)));
    }
}
