namespace WebApp.Admin;

/// <summary>
/// A form field that is not a property of the model (Django's extra form fields): a <see cref="ChoicesField{T}"/> or a
/// <see cref="PasswordField"/>. Placed in a <see cref="Fieldset{T}"/>'s <c>Extra</c> list after its model fields.
/// </summary>
public abstract class ExtraField(string name, string label)
{
    /// <summary>The form field's name, as posted.</summary>
    public string Name { get; } = name;

    public string Label { get; } = label;

    public string? HelpText { get; init; }

    internal abstract WidgetKind Widget { get; }
}
