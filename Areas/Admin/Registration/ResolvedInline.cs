using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore.Metadata;
using WebApp.Admin.Metadata;

namespace WebApp.Admin;

/// <summary>An inline bound to the EF model: the child's key, its foreign key to the parent and the rows' fields.</summary>
internal sealed class ResolvedInline<TParent, TChild> where TParent : class where TChild : class
{
    private ResolvedInline(ModelAdmin<TParent> parentAdmin, IEntityType childType, IProperty key, IForeignKey foreignKey)
    {
        ParentAdmin = parentAdmin;
        ChildType = childType;
        Key = key;
        ForeignKey = foreignKey;
    }

    public ModelAdmin<TParent> ParentAdmin { get; }
    public IEntityType ChildType { get; }
    public IProperty Key { get; }

    /// <summary>The child's reference to the parent; its property is set on new rows and never shown.</summary>
    public IForeignKey ForeignKey { get; }
    public List<ResolvedFormField> Fields { get; } = [];

    public IProperty ParentKeyProperty => ForeignKey.Properties[0];

    public static (ResolvedInline<TParent, TChild>? Result, List<(string Option, string Message, string Id)> Errors) Resolve(
        InlineModelAdmin<TParent, TChild> inline, IEntityType parent, ModelAdmin<TParent> parentAdmin)
    {
        var errors = new List<(string Option, string Message, string Id)>();
        var childType = parent.Model.FindEntityType(typeof(TChild));
        var key = childType?.FindPrimaryKey();
        if (childType is null || key is null || key.Properties.Count != 1)
        {
            errors.Add(("model", $"{typeof(TChild).Name} is not an entity with a single-column key.", "admin.E001"));
            return (null, errors);
        }
        var candidates = childType.GetForeignKeys().Where(k => k.PrincipalEntityType == parent && k.Properties.Count == 1).ToList();
        if (inline.ParentReference is { } reference)
        {
            var name = ModelPath.MemberNames(reference) is [var single] ? single : null;
            candidates = candidates.Where(k => k.DependentToPrincipal?.Name == name).ToList();
        }
        if (candidates.Count != 1)
        {
            errors.Add((nameof(inline.ParentReference), candidates.Count == 0
                ? $"{typeof(TChild).Name} has no foreign key to {typeof(TParent).Name}."
                : $"{typeof(TChild).Name} has more than one foreign key to {typeof(TParent).Name}; say which with ParentReference.", "admin.E202"));
            return (null, errors);
        }
        var resolved = new ResolvedInline<TParent, TChild>(parentAdmin, childType, key.Properties[0], candidates[0]);
        if (inline.Extra < 0) errors.Add((nameof(inline.Extra), "cannot be negative.", "admin.E203"));
        if (inline.MinNum < 0) errors.Add((nameof(inline.MinNum), "cannot be negative.", "admin.E205"));
        if (inline.MaxNum < inline.MinNum) errors.Add((nameof(inline.MaxNum), "must be at least MinNum.", "admin.E204"));

        var readOnly = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (field, i) in inline.ReadonlyFields.Select((f, i) => (f, i)))
        {
            if (ResolveField(childType, field, $"{nameof(inline.ReadonlyFields)}[{i}]", "admin.E035", errors) is { } path) readOnly.Add(path.Name);
        }
        var paths = inline.Fields.Count == 0
            ? DefaultPaths(childType, resolved.ParentKeyProperty)
            : inline.Fields.Select((f, i) => ResolveField(childType, f, $"{nameof(inline.Fields)}[{i}]", "admin.E011", errors)).OfType<ModelPath>();
        foreach (var path in paths)
        {
            if (path.Name == resolved.ParentKeyProperty.Name)
            {
                errors.Add((nameof(inline.Fields), $"'{path.Name}' is the reference to the parent, which every row shares.", "admin.E201"));
                continue;
            }
            if (resolved.Fields.Any(f => f.Name == path.Name))
            {
                errors.Add((nameof(inline.Fields), $"'{path.Name}' appears more than once.", "admin.E012"));
                continue;
            }
            var isReadOnly = readOnly.Contains(path.Name) || path.Navigations.Count > 0 || path.Target is IProperty { IsConcurrencyToken: true };
            resolved.Fields.Add(new ResolvedFormField(path, isReadOnly));
        }
        return (errors.Count == 0 ? resolved : null, errors);
    }

    private static IEnumerable<ModelPath> DefaultPaths(IEntityType childType, IProperty parentKey)
    {
        foreach (var info in typeof(TChild).GetProperties())
        {
            if (childType.FindProperty(info.Name) is not { } property || property == parentKey) continue;
            if (property.IsPrimaryKey() && property.ValueGenerated != ValueGenerated.Never) continue;
            if (property.IsConcurrencyToken) continue;
            yield return ModelPath.TryResolve(childType, [info.Name], out _)!;
        }
    }

    private static ModelPath? ResolveField(IEntityType childType, Expression<Func<TChild, object?>> field, string option, string id,
        List<(string Option, string Message, string Id)> errors)
    {
        var path = ModelPath.TryResolve(childType, field, out var error);
        if (path is null)
        {
            errors.Add((option, $"{error}.", id));
            return null;
        }
        // A reference stands for its foreign key: r => r.Author is the AuthorId field.
        if (path.IsReference && path.Navigations.Count == 0)
        {
            if (path.ForeignKeyProperty is { } fk) return ModelPath.TryResolve(childType, [fk.Name], out _);
            errors.Add((option, $"'{path.Name}' is not a foreign key of {typeof(TChild).Name}.", "admin.E013"));
            return null;
        }
        if (path.IsCollection || path.Target is ISkipNavigation)
        {
            errors.Add((option, $"'{path.Name}' is a collection; an inline row edits single values.", "admin.E013"));
            return null;
        }
        return path;
    }
}
