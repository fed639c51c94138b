using System.Linq.Expressions;

namespace WebApp.Admin;

/// <summary>
/// One model's admin options (Django's ModelAdmin). Subclass <see cref="ModelAdmin{T}"/> beside the model;
/// the admin finds every subclass in the WebApp assembly at start-up and checks it.
/// </summary>
public abstract class ModelAdmin
{
    protected ModelAdmin(string appLabel) => AppLabel = appLabel;

    /// <summary>The entity class this registration manages.</summary>
    public abstract Type ModelType { get; }

    /// <summary>Lower-case app label used in URLs and permission names (<c>catalog</c>).</summary>
    public string AppLabel { get; }

    /// <summary>Lower-case model label used in URLs and permission names (<c>product</c>); the class name unless set
    /// (Django's model_name, for a class whose name is not the model's: <c>ApplicationUser</c> is <c>user</c>).</summary>
    public string ModelName
    {
        get => _modelName ??= ModelType.Name.ToLowerInvariant();
        init => _modelName = value;
    }

    private string? _modelName;

    /// <summary>The changelist's path (<c>/admin/catalog/product/</c>), worked out once: every row of a changelist links from it.</summary>
    internal string ChangeListPath => _changeListPath ??= $"{AdminUrls.Root}{AppLabel}/{ModelName}/";

    private string? _changeListPath;

    /// <summary>Singular name shown to people (<c>product</c>, <c>order line</c>).</summary>
    public string VerboseName { get; init; } = "";

    /// <summary>Plural name shown to people; defaults to the singular with an "s".</summary>
    public string VerboseNamePlural { get; init; } = "";

    /// <summary>Search fields as paths with Django's prefixes: <c>"^Sku"</c> starts with, <c>"=Number"</c> exact, none contains.</summary>
    public IReadOnlyList<string> SearchFields { get; init; } = [];

    /// <summary>Default ordering as paths, <c>"-"</c> for descending (<c>["-CreatedAt", "Name"]</c>); the key always ends it.</summary>
    public IReadOnlyList<string> Ordering { get; init; } = [];

    /// <summary>Property names whose values are never written to the history (password hashes, tokens).</summary>
    public IReadOnlyList<string> SecretFields { get; init; } = [];

    public int ListPerPage { get; init; } = 100;

    /// <summary>"Show all" is offered while the filtered count is at most this.</summary>
    public int ListMaxShowAll { get; init; } = 200;

    /// <summary>Rows listed on the delete confirmation page before the tree is cut short (counts stay exact).</summary>
    public int DeleteTreeMaxRows { get; init; } = 200;

    /// <summary>After adding, open the new object's change page (Django's UserAdmin: the add form asks for little).</summary>
    public bool EditAfterAdd { get; init; }

    /// <summary>"delete_selected" plus any custom actions.</summary>
    public bool ActionsEnabled { get; init; } = true;

    public string Label => $"{AppLabel}/{ModelName}";

    internal string DisplayName => VerboseName.Length > 0 ? VerboseName : Metadata.DisplayNames.Humanize(ModelType.Name).ToLowerInvariant();

    internal string DisplayNamePlural => VerboseNamePlural.Length > 0 ? VerboseNamePlural : DisplayName + "s";

    /// <summary>Django's "app.model" content-type string used in history entries.</summary>
    internal string ContentType => $"{AppLabel}.{ModelName}";

    public string PermissionName(AdminOperation operation) =>
        $"{AppLabel}.{operation.ToString().ToLowerInvariant()}_{ModelName}";

    // Permission hooks (Django's has_*_permission): override for the rare model with its own rules.
    public virtual bool HasViewPermission(AdminUser user) =>
        user.Has(PermissionName(AdminOperation.View)) || user.Has(PermissionName(AdminOperation.Change));

    public virtual bool HasAddPermission(AdminUser user) => user.Has(PermissionName(AdminOperation.Add));

    public virtual bool HasChangePermission(AdminUser user) => user.Has(PermissionName(AdminOperation.Change));

    public virtual bool HasDeletePermission(AdminUser user) => user.Has(PermissionName(AdminOperation.Delete));

    public bool HasPermission(AdminUser user, AdminOperation operation) => operation switch
    {
        AdminOperation.View => HasViewPermission(user),
        AdminOperation.Add => HasAddPermission(user),
        AdminOperation.Change => HasChangePermission(user),
        AdminOperation.Delete => HasDeletePermission(user),
        _ => false,
    };

    /// <summary>Any permission at all on the model: it is listed on the index.</summary>
    public bool HasModulePermission(AdminUser user) =>
        HasViewPermission(user) || HasAddPermission(user) || HasChangePermission(user) || HasDeletePermission(user);

    internal abstract ModelAdminEngine CreateEngine(AdminRequestContext context);

    /// <summary>The registration offers "Save as new" (its SaveAs option).</summary>
    internal abstract bool SavesAsNew { get; }

    /// <summary>The object-level permission hooks for an untyped object: null allows, a refusal names the rule.</summary>
    internal abstract Task<AdminRefusal?> ObjectRefusalAsync(AdminOperation operation, object obj, AdminRequestContext context, CancellationToken cancellationToken);

    internal abstract IEnumerable<AdminCheckError> Check(Microsoft.EntityFrameworkCore.Metadata.IModel model, IReadOnlyList<ModelAdmin> registrations);

    /// <summary>Binds the options to the EF model for the pages (once every registration passed the checks).</summary>
    internal abstract void Build(Microsoft.EntityFrameworkCore.Metadata.IModel model, IReadOnlyList<ModelAdmin> registrations);

    /// <summary>The registration an autocomplete field of this model searches (by form field or navigation name); null when the field is not one.</summary>
    internal abstract ModelAdmin? AutocompleteTarget(string fieldName);

    internal ModelAdminRegistry Registry { get; private set; } = null!;

    /// <summary>The lookup whitelist: every parameter a declared filter reads.</summary>
    internal abstract IReadOnlySet<string> FilterParameterNames { get; }

    internal void Bind(ModelAdminRegistry registry) => Registry = registry;
}

/// <summary>The four model permissions Django knows.</summary>
public enum AdminOperation
{
    View,
    Add,
    Change,
    Delete,
}

/// <summary>Typed options for one entity: C# expressions instead of Django's strings, so the compiler checks most names.</summary>
public abstract class ModelAdmin<T> : ModelAdmin where T : class
{
    protected ModelAdmin(string appLabel) : base(appLabel) { }

    public sealed override Type ModelType => typeof(T);

    /// <summary>Changelist columns: <see cref="Column"/> for properties and related paths, <see cref="Computed"/> for anything else.</summary>
    public IReadOnlyList<ListColumn<T>> ListDisplay { get; init; } = [];

    /// <summary>Columns that link to the change page; by default the first column.</summary>
    public IReadOnlyList<Expression<Func<T, object?>>> ListDisplayLinks { get; init; } = [];

    /// <summary>Columns edited in place on the changelist (Django's list_editable); never the link column.</summary>
    public IReadOnlyList<Expression<Func<T, object?>>> ListEditable { get; init; } = [];

    /// <summary>Filters in the side panel: <see cref="Filter"/> for a property or reference, or a <see cref="ListFilter{T}"/> subclass.</summary>
    public IReadOnlyList<ListFilter<T>> ListFilter { get; init; } = [];

    /// <summary>
    /// A date or date-time property to drill down by year, month and day above the list (Django's date_hierarchy);
    /// give the column an index.
    /// </summary>
    public Expression<Func<T, object?>>? DateHierarchy { get; init; }

    /// <summary>The change form's fields in order, one per row; by default every editable property.</summary>
    public IReadOnlyList<Expression<Func<T, object?>>> Fields { get; init; } = [];

    /// <summary>The change form as titled groups (instead of <see cref="Fields"/>).</summary>
    public IReadOnlyList<Fieldset<T>> Fieldsets { get; init; } = [];

    /// <summary>Properties left off the default form.</summary>
    public IReadOnlyList<Expression<Func<T, object?>>> Exclude { get; init; } = [];

    /// <summary>Shown with their values, never bound from a POST.</summary>
    public IReadOnlyList<Expression<Func<T, object?>>> ReadonlyFields { get; init; } = [];

    /// <summary>
    /// Foreign keys chosen by typing instead of from a select (Django's autocomplete_fields): the form's widget and the
    /// list filter on them ask <c>/admin/autocomplete/</c> for a page of matches, never for the whole related table.
    /// The related model's registration needs <see cref="ModelAdmin.SearchFields"/>.
    /// </summary>
    public IReadOnlyList<Expression<Func<T, object?>>> AutocompleteFields { get; init; } = [];

    /// <summary>Custom changelist actions (the built-in "Delete selected" comes first).</summary>
    public IReadOnlyList<AdminAction<T>> Actions { get; init; } = [];

    /// <summary>The object's public page, for a "View on site" link.</summary>
    public Func<T, string?>? ViewOnSite { get; init; }

    /// <summary>Related rows edited on this model's change page (Django's inlines): tabular or stacked.</summary>
    public IReadOnlyList<InlineModelAdmin<T>> Inlines { get; init; } = [];

    /// <summary>A "Save as new" button on the change page (Django's save_as): saves the form as a new object; needs add permission.</summary>
    public bool SaveAs { get; init; }

    /// <summary>Fields filled from others while typing on the add form (Django's prepopulated_fields): <see cref="Prepopulate"/>.</summary>
    public IReadOnlyList<PrepopulatedField<T>> PrepopulatedFields { get; init; } = [];

    /// <summary>A field filled as a slug of <paramref name="sources"/> while the user types them, until the object is saved.</summary>
    protected static PrepopulatedField<T> Prepopulate(Expression<Func<T, object?>> target, params Expression<Func<T, object?>>[] sources) =>
        new(target, sources);

    protected static ListColumn<T> Column(Expression<Func<T, object?>> path, string? header = null) =>
        new(path, header, sortKey: null, isComputed: false, rendersBoolean: false);

    /// <summary>A column from any expression EF can translate; sortable only with a sort key.</summary>
    protected static ListColumn<T> Computed(
        string header, Expression<Func<T, object?>> value, Expression<Func<T, object?>>? sortKey = null, bool boolean = false) =>
        new(value, header, sortKey, isComputed: true, rendersBoolean: boolean);

    protected static ListFilter<T> Filter(Expression<Func<T, object?>> path, string? title = null) =>
        new PropertyListFilter<T>(path, title);

    protected static AdminAction<T> Action(
        string name, string description, AdminOperation permission, AdminActionHandler<T> handler) =>
        new(name, description, permission, handler);

    // Hooks (Django's get_queryset, save_model, delete_model) for the rare model that needs them.

    /// <summary>The rows this admin works on; every changelist, form and delete starts here.</summary>
    public virtual IQueryable<T> GetQueryset(IQueryable<T> all) => all;

    /// <summary>GetQueryset is not overridden: the admin's fixed-shape queries can be compiled (<see cref="CompiledQueries"/>).</summary>
    internal bool ListsAllRows => _listsAllRows ??=
        GetType().GetMethod(nameof(GetQueryset), [typeof(IQueryable<T>)])!.DeclaringType == typeof(ModelAdmin<T>);

    private bool? _listsAllRows;

    /// <summary>
    /// The rows matching the changelist's search <c>q</c> (Django's get_search_results): by default every term in some
    /// search field (<see cref="AdminSearchContext{T}.MatchSearchFields"/>). Override to find candidates through an
    /// index, keeping that match as the re-check.
    /// </summary>
    public virtual Task<IQueryable<T>> GetSearchResultsAsync(AdminSearchContext<T> search, IQueryable<T> query, CancellationToken cancellationToken) =>
        Task.FromResult(search.MatchSearchFields(query));

    /// <summary>A new, unsaved object for the add form.</summary>
    public virtual T CreateNew() => Activator.CreateInstance<T>();

    /// <summary>Called after binding and validation, before the history and SaveChanges run in one transaction.</summary>
    public virtual Task SaveModelAsync(AdminSaveContext<T> context, CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>The add form's fieldsets when it differs from the change form (Django's add_fieldsets); the change form's otherwise.</summary>
    public IReadOnlyList<Fieldset<T>> AddFieldsets { get; init; } = [];

    /// <summary>
    /// Object-level change permission (Django's has_change_permission(request, obj)), asked after the model-level one:
    /// null allows; a refusal makes the change page read-only with its message, and refuses a POST with 403.
    /// </summary>
    public virtual Task<AdminRefusal?> ChangeRefusalAsync(AdminObjectContext<T> context, CancellationToken cancellationToken) =>
        Task.FromResult<AdminRefusal?>(null);

    /// <summary>Object-level delete permission (Django's has_delete_permission(request, obj)): null allows.</summary>
    public virtual Task<AdminRefusal?> DeleteRefusalAsync(AdminObjectContext<T> context, CancellationToken cancellationToken) =>
        Task.FromResult<AdminRefusal?>(null);

    /// <summary>Property names read-only for this user and object on top of <see cref="ReadonlyFields"/> (Django's get_readonly_fields).</summary>
    public virtual IReadOnlyCollection<string> GetReadonlyFields(AdminUser user, T? obj) => [];

    /// <summary>
    /// The form's fieldsets for this user and object (Django's get_fieldsets; <paramref name="obj"/> is null on the add
    /// form): the declared ones, or a selection of them (each must be one of <see cref="Fieldsets"/> or <see cref="AddFieldsets"/>).
    /// </summary>
    public virtual IReadOnlyList<Fieldset<T>> GetFieldsets(AdminUser user, T? obj) => obj is null && AddFieldsets.Count > 0 ? AddFieldsets : Fieldsets;

    // Object-level permissions (Django's has_*_permission(request, obj)): asked after the model-level ones on the change
    // form, the delete confirmation and "delete selected"; false refuses with a 403 (a view-only change page for change).
    public virtual bool HasViewPermission(AdminUser user, T obj) => HasViewPermission(user);

    public virtual bool HasAddPermission(AdminUser user, T obj) => HasAddPermission(user);

    public virtual bool HasChangePermission(AdminUser user, T obj) => HasChangePermission(user);

    public virtual bool HasDeletePermission(AdminUser user, T obj) => HasDeletePermission(user);

    /// <summary>
    /// The form's own rules after binding and validation (Django's ModelForm.clean): add errors, or refuse, through the
    /// context. Any error means nothing is saved.
    /// </summary>
    public virtual Task CleanAsync(AdminObjectContext<T> context, CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>Boxes shown on the change page beside the form: facts, links and buttons that POST to the admin's own URLs.</summary>
    public virtual Task<IReadOnlyList<ChangeFormPanel>> ChangeFormPanelsAsync(AdminObjectContext<T> context, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<ChangeFormPanel>>([]);

    internal sealed override async Task<AdminRefusal?> ObjectRefusalAsync(
        AdminOperation operation, object obj, AdminRequestContext context, CancellationToken cancellationToken)
    {
        var typed = (T)obj;
        if (!HasPermission(context.User, operation, typed))
            return new AdminRefusal($"admin.object_{operation.ToString().ToLowerInvariant()}",
                $"You may not {operation.ToString().ToLowerInvariant()} this {DisplayName}.");
        var objectContext = new AdminObjectContext<T>(typed, isNew: false, context);
        return operation switch
        {
            AdminOperation.Change => await ChangeRefusalAsync(objectContext, cancellationToken),
            AdminOperation.Delete => await DeleteRefusalAsync(objectContext, cancellationToken),
            _ => null,
        };
    }

    /// <summary>The object-level hook for <paramref name="operation"/>; view is satisfied by change, as on the model.</summary>
    internal bool HasPermission(AdminUser user, AdminOperation operation, T obj) => operation switch
    {
        AdminOperation.View => HasViewPermission(user, obj) || HasChangePermission(user, obj),
        AdminOperation.Add => HasAddPermission(user, obj),
        AdminOperation.Change => HasChangePermission(user, obj),
        AdminOperation.Delete => HasDeletePermission(user, obj),
        _ => false,
    };

    /// <summary>Called before each object is removed; the context then saves the delete with its history entry.</summary>
    public virtual Task DeleteModelAsync(AdminSaveContext<T> context, CancellationToken cancellationToken) => Task.CompletedTask;

    internal sealed override IReadOnlySet<string> FilterParameterNames =>
        ListFilter.SelectMany(f => f.ParameterNames).Concat(_resolved?.DateHierarchy?.ParameterNames ?? []).ToHashSet(StringComparer.Ordinal);

    internal sealed override ModelAdminEngine CreateEngine(AdminRequestContext context) => new ModelAdminEngine<T>(this, context);

    internal sealed override bool SavesAsNew => SaveAs;

    internal sealed override ModelAdmin? AutocompleteTarget(string fieldName) =>
        _resolved is not null && _resolved.Autocomplete.TryGetValue(fieldName, out var target) ? Registry.Find(target) : null;

    internal sealed override IEnumerable<AdminCheckError> Check(Microsoft.EntityFrameworkCore.Metadata.IModel model, IReadOnlyList<ModelAdmin> registrations) =>
        ModelAdminChecks<T>.Check(this, model, registrations);

    internal sealed override void Build(Microsoft.EntityFrameworkCore.Metadata.IModel model, IReadOnlyList<ModelAdmin> registrations) =>
        _resolved = ModelAdminChecks<T>.Build(this, model, registrations);

    /// <summary>The options bound to the EF model; built by the registry once the start-up checks pass.</summary>
    internal ResolvedModelAdmin<T> Resolved =>
        _resolved ?? throw new InvalidOperationException($"{GetType().Name} has not passed the admin checks.");

    private ResolvedModelAdmin<T>? _resolved;
}

/// <summary>What a save or delete hook sees: the tracked object, whether it is new, the context and (for a form) the POST.</summary>
public sealed record AdminSaveContext<T>(T Object, bool IsNew, Microsoft.EntityFrameworkCore.DbContext Db, AdminUser User)
    where T : class
{
    public required IServiceProvider Services { get; init; }

    public IFormCollection? Form { get; init; }
}
