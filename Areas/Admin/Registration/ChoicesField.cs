namespace WebApp.Admin;

/// <summary>
/// A many-to-many field kept somewhere other than a skip navigation (roles and permission claims of a user), shown with
/// the same picker as one: the registration says what the options are, which are chosen, and how to store a change.
/// The history records the change as option labels, old → new.
/// </summary>
public abstract class ChoicesField<T>(string name, string label) : ExtraField(name, label) where T : class
{
    internal sealed override WidgetKind Widget => WidgetKind.ManyToMany;

    /// <summary>Every choice: the value posted and the label shown, in display order.</summary>
    public abstract Task<IReadOnlyList<SelectOption>> OptionsAsync(AdminObjectContext<T> context, CancellationToken cancellationToken);

    /// <summary>The values the object holds now.</summary>
    public abstract Task<IReadOnlySet<string>> SelectedAsync(AdminObjectContext<T> context, CancellationToken cancellationToken);

    /// <summary>Stores a change on the context's database (saved with the object and its history in one transaction).</summary>
    public abstract Task SaveAsync(AdminObjectContext<T> context, IReadOnlySet<string> added, IReadOnlySet<string> removed, CancellationToken cancellationToken);
}
