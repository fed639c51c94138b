using System.ComponentModel.DataAnnotations;
using System.Linq.Expressions;
using System.Reflection;
using Microsoft.EntityFrameworkCore.Metadata;

namespace WebApp.Admin.Metadata;

/// <summary>
/// A path from an entity through reference navigations to a property or navigation (<c>Category.Name</c>),
/// resolved against the EF Core model.
/// </summary>
internal sealed class ModelPath
{
    private ModelPath(IEntityType root, IReadOnlyList<IReadOnlyNavigationBase> navigations, IPropertyBase target)
    {
        Root = root;
        Navigations = navigations;
        Target = target;
        // Read once here: the changelist formats every cell through them, and reflection per cell showed in profiles.
        Name = string.Join(".", navigations.Select(n => n.Name).Append(target.Name));
        Annotations = FieldAnnotations.Of(target.PropertyInfo);
    }

    public IEntityType Root { get; }

    /// <summary>Reference navigations walked before the target.</summary>
    public IReadOnlyList<IReadOnlyNavigationBase> Navigations { get; }

    /// <summary>An IProperty, an INavigation or an ISkipNavigation.</summary>
    public IPropertyBase Target { get; }

    public string Name { get; }

    /// <summary>The target's DataAnnotations (none for a navigation without a CLR property).</summary>
    public FieldAnnotations Annotations { get; }

    /// <summary>The target's declared <c>[DataType]</c> (a date without time, money), or null.</summary>
    public DataType? DataType => Annotations.DataType;

    public Type ClrType => Target.ClrType;

    public bool IsProperty => Target is IProperty;

    public bool IsCollection => Target is INavigationBase { IsCollection: true };

    public bool IsReference => Target is INavigation { IsCollection: false };

    /// <summary>Null can come out: a nullable property, or any optional step on the way.</summary>
    public bool IsNullable =>
        Target switch
        {
            IProperty p => p.IsNullable || Navigations.Count > 0 && !Navigations.All(IsRequiredReference),
            INavigation n => !IsRequiredReference(n),
            _ => false,
        };

    /// <summary>The entity a foreign-key path points to: a reference navigation, or a property that is a single-column foreign key.</summary>
    public IEntityType? ForeignKeyTarget =>
        Target switch
        {
            INavigation { IsCollection: false } n => n.TargetEntityType,
            IProperty p => p.GetContainingForeignKeys().FirstOrDefault(fk => fk.Properties.Count == 1)?.PrincipalEntityType,
            _ => null,
        };

    /// <summary>The foreign-key property a reference path stands for (<c>Category</c> → <c>CategoryId</c>).</summary>
    public IProperty? ForeignKeyProperty =>
        Target switch
        {
            INavigation { IsCollection: false, IsOnDependent: true } n when n.ForeignKey.Properties.Count == 1 => n.ForeignKey.Properties[0],
            IProperty p when p.IsForeignKey() => p,
            _ => null,
        };

    /// <summary>Query-string name of a filter on this path: the foreign-key property for references.</summary>
    public string ParameterName =>
        Navigations.Count == 0 && ForeignKeyProperty is { } fk ? fk.Name : Name.Replace('.', '_');

    public string DisplayName =>
        Navigations.Count == 0
            ? DisplayNames.For(ForeignKeyProperty is { } fk && Target is INavigation ? fk : Target)
            : DisplayNames.For(Navigations[^1]) + " " + DisplayNames.For(Target).ToLowerInvariant();

    /// <summary>The member chain on <paramref name="root"/>; EF translates null steps to LEFT JOINs.</summary>
    public Expression Build(Expression root)
    {
        var expression = root;
        foreach (var step in Navigations) expression = Member(expression, step);
        var target = Member(expression, Target);
        // A value read through an optional step may be null even when the property is not.
        if (Navigations.Count > 0 && target.Type.IsValueType && Nullable.GetUnderlyingType(target.Type) is null)
            return Expression.Convert(target, typeof(Nullable<>).MakeGenericType(target.Type));
        return target;
    }

    public LambdaExpression ToLambda()
    {
        var parameter = Expression.Parameter(Root.ClrType, "row");
        return Expression.Lambda(Build(parameter), parameter);
    }

    private static Expression Member(Expression instance, IReadOnlyPropertyBase property) =>
        property.PropertyInfo is { } info ? Expression.Property(instance, info)
        : property.FieldInfo is { } field ? Expression.Field(instance, field)
        : throw new InvalidOperationException($"{property.Name} is a shadow property; the admin works on CLR properties.");

    private static bool IsRequiredReference(IReadOnlyNavigationBase navigation) =>
        navigation is IReadOnlyNavigation { IsOnDependent: true } n && n.ForeignKey.IsRequired;

    /// <summary>Resolves <c>Category.Name</c>; the error says which step failed.</summary>
    public static ModelPath? TryResolve(IEntityType root, IReadOnlyList<string> names, out string? error)
    {
        error = null;
        var navigations = new List<IReadOnlyNavigationBase>();
        var current = root;
        for (var i = 0; i < names.Count; i++)
        {
            var name = names[i];
            var last = i == names.Count - 1;
            if (current.FindProperty(name) is { } property && property.PropertyInfo is not null)
            {
                if (!last)
                {
                    error = $"'{name}' is a property, not a relation, so '{string.Join(".", names)}' goes nowhere";
                    return null;
                }
                return new ModelPath(root, navigations, property);
            }
            if (current.FindNavigation(name) is { } navigation)
            {
                if (last) return new ModelPath(root, navigations, navigation);
                if (navigation.IsCollection)
                {
                    error = $"'{name}' is a collection; paths may only follow references";
                    return null;
                }
                navigations.Add(navigation);
                current = navigation.TargetEntityType;
                continue;
            }
            if (current.FindSkipNavigation(name) is { } skip)
            {
                if (last) return new ModelPath(root, navigations, skip);
                error = $"'{name}' is a collection; paths may only follow references";
                return null;
            }
            error = $"'{current.ClrType.Name}' has no mapped property or relation '{name}'";
            return null;
        }
        error = "the path is empty";
        return null;
    }

    public static ModelPath? TryResolve(IEntityType root, string dottedPath, out string? error) =>
        TryResolve(root, dottedPath.Split('.'), out error);

    /// <summary>The member names of <c>p => p.Category!.Name</c>, or null when the lambda is not a plain member chain.</summary>
    public static IReadOnlyList<string>? MemberNames(LambdaExpression lambda)
    {
        var names = new List<string>();
        var expression = StripConvert(lambda.Body);
        while (expression is MemberExpression { Member: PropertyInfo or FieldInfo } member)
        {
            names.Insert(0, member.Member.Name);
            expression = member.Expression is null ? null : StripConvert(member.Expression);
        }
        return expression is ParameterExpression && names.Count > 0 ? names : null;
    }

    public static ModelPath? TryResolve(IEntityType root, LambdaExpression lambda, out string? error)
    {
        if (MemberNames(lambda) is not { } names)
        {
            error = $"'{lambda}' is not a property path";
            return null;
        }
        return TryResolve(root, names, out error);
    }

    private static Expression StripConvert(Expression expression) =>
        expression is UnaryExpression { NodeType: ExpressionType.Convert or ExpressionType.ConvertChecked } convert
            ? StripConvert(convert.Operand)
            : expression;
}
