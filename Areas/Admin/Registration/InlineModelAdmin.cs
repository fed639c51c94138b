using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore.Metadata;

namespace WebApp.Admin;

/// <summary>
/// Related rows edited on the parent's change page (Django's InlineModelAdmin): subclass <see cref="TabularInline{TParent, TChild}"/>
/// or <see cref="StackedInline{TParent, TChild}"/> and list it in the parent registration's <c>Inlines</c>.
/// </summary>
public abstract class InlineModelAdmin<TParent> where TParent : class
{
    private protected InlineModelAdmin() { }

    /// <summary>Empty rows offered for new objects (without JavaScript these are the only way to add).</summary>
    public int Extra { get; init; } = 3;

    /// <summary>Rows the parent must keep; fewer is a form error.</summary>
    public int MinNum { get; init; }

    /// <summary>Most rows the parent may have (Django's default is 1000).</summary>
    public int MaxNum { get; init; } = 1000;

    /// <summary>Each existing row gets a "Delete" checkbox (when the user may delete the child model).</summary>
    public bool CanDelete { get; init; } = true;

    /// <summary>Each existing row links to the child's own change page (Django's show_change_link).</summary>
    public bool ShowChangeLink { get; init; }

    public string VerboseName { get; init; } = "";

    public string VerboseNamePlural { get; init; } = "";

    internal abstract bool IsTabular { get; }

    /// <summary>The inline's problems against the EF model; nothing is kept.</summary>
    internal abstract IEnumerable<(string Option, string Message, string Id)> Check(IEntityType parent, ModelAdmin<TParent> parentAdmin);

    /// <summary>Binds the inline to the EF model for the pages (once its parent's registration passed the checks).</summary>
    internal abstract void Build(IEntityType parent, ModelAdmin<TParent> parentAdmin);

    internal abstract IInlineFormSet<TParent> CreateFormSet(AdminRequestContext context, string prefix);
}

/// <summary>The typed options and hooks of an inline: which fields its rows show, read-only fields, permissions and new rows.</summary>
public abstract class InlineModelAdmin<TParent, TChild> : InlineModelAdmin<TParent> where TParent : class where TChild : class
{
    /// <summary>The row's fields in order (by default every editable property except the key to the parent).</summary>
    public IReadOnlyList<Expression<Func<TChild, object?>>> Fields { get; init; } = [];

    /// <summary>Shown with their values in every row, never bound from a POST.</summary>
    public IReadOnlyList<Expression<Func<TChild, object?>>> ReadonlyFields { get; init; } = [];

    /// <summary>The reference to the parent when the child has more than one (Django's fk_name).</summary>
    public Expression<Func<TChild, TParent?>>? ParentReference { get; init; }

    /// <summary>The rows shown (Django's get_queryset): the parent's children by default, in key order.</summary>
    public virtual IQueryable<TChild> GetQueryset(IQueryable<TChild> children) => children;

    /// <summary>A new, unsaved row for an "add another" row; the engine sets the reference to the parent.</summary>
    public virtual TChild CreateNew(AdminUser user) => Activator.CreateInstance<TChild>();

    /// <summary>Names read-only in this row for this user on top of <see cref="ReadonlyFields"/>; <paramref name="child"/> is null for a new row.</summary>
    public virtual IReadOnlyCollection<string> GetReadonlyFields(AdminUser user, TChild? child) => [];

    // Permissions follow the child model's registration (Django: the child model's permissions), on top of which the
    // parent's change permission is needed for anything but viewing.
    public virtual bool HasViewPermission(AdminUser user, TParent? parent) =>
        Child(user) is { } child ? child.HasViewPermission(user) : user.Has(ChildPermission(AdminOperation.View)) || user.Has(ChildPermission(AdminOperation.Change));

    public virtual bool HasAddPermission(AdminUser user, TParent? parent) =>
        Child(user) is { } child ? child.HasAddPermission(user) : user.Has(ChildPermission(AdminOperation.Add));

    public virtual bool HasChangePermission(AdminUser user, TParent? parent) =>
        Child(user) is { } child ? child.HasChangePermission(user) : user.Has(ChildPermission(AdminOperation.Change));

    public virtual bool HasDeletePermission(AdminUser user, TParent? parent) =>
        Child(user) is { } child ? child.HasDeletePermission(user) : user.Has(ChildPermission(AdminOperation.Delete));

    /// <summary>The permission name of an unregistered child model, under the parent's app label.</summary>
    private string ChildPermission(AdminOperation operation) =>
        $"{Resolved.ParentAdmin.AppLabel}.{operation.ToString().ToLowerInvariant()}_{typeof(TChild).Name.ToLowerInvariant()}";

    private ModelAdmin? Child(AdminUser user) => Resolved.ParentAdmin.Registry.Find(typeof(TChild));

    internal ResolvedInline<TParent, TChild> Resolved =>
        _resolved ?? throw new InvalidOperationException($"{GetType().Name} has not passed the admin checks.");

    private ResolvedInline<TParent, TChild>? _resolved;

    internal sealed override IEnumerable<(string Option, string Message, string Id)> Check(IEntityType parent, ModelAdmin<TParent> parentAdmin) =>
        ResolvedInline<TParent, TChild>.Resolve(this, parent, parentAdmin).Errors;

    internal sealed override void Build(IEntityType parent, ModelAdmin<TParent> parentAdmin) =>
        _resolved = ResolvedInline<TParent, TChild>.Resolve(this, parent, parentAdmin).Result
            ?? throw new InvalidOperationException($"{GetType().Name} has not passed the admin checks.");

    internal sealed override IInlineFormSet<TParent> CreateFormSet(AdminRequestContext context, string prefix) =>
        new InlineFormSet<TParent, TChild>(this, context, prefix);
}
