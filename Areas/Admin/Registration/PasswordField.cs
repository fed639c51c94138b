namespace WebApp.Admin;

/// <summary>A password input: never bound to the model, never shown again; the registration reads it from the form in its hooks.</summary>
public sealed class PasswordField(string name, string label) : ExtraField(name, label)
{
    internal override WidgetKind Widget => WidgetKind.Password;
}
