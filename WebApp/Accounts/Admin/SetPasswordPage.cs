using WebApp.Admin;

namespace WebApp.Accounts.Admin;

/// <summary>The set-password page of one user: whose password, the two fields, and where "back" goes.</summary>
public sealed class SetPasswordPage
{
    public required string UserLabel { get; init; }
    public required string ChangeUrl { get; init; }
    public required FormFieldViewModel Password1 { get; init; }
    public required FormFieldViewModel Password2 { get; init; }

    public bool HasErrors => Password1.Errors.Count > 0 || Password2.Errors.Count > 0;

    public static SetPasswordPage For(ApplicationUser user, string changeUrl) => new()
    {
        UserLabel = user.ToString(),
        ChangeUrl = changeUrl,
        Password1 = new FormFieldViewModel { Name = UserAdmin.Password1, Label = "Password", Widget = WidgetKind.Password, Required = true },
        Password2 = new FormFieldViewModel
        {
            Name = UserAdmin.Password2, Label = "Password (again)", Widget = WidgetKind.Password, Required = true,
            HelpText = "Enter the same password as before, for verification.",
        },
    };
}
