using Microsoft.AspNetCore.Identity;
using WebApp.Admin;

namespace WebApp.Accounts.Admin;

/// <summary>
/// Users at /admin/accounts/user/ (Django's UserAdmin): add with Email and a password, change flags, roles and direct
/// permissions, set the password on its own page. The hash and stamps are never shown, bound or logged, and the
/// <see cref="EscalationGuard"/> rules refuse every route to more power than the editor holds.
/// </summary>
internal sealed class UserAdmin : ModelAdmin<ApplicationUser>
{
    public const string Password1 = "password1";
    public const string Password2 = "password2";

    public UserAdmin() : base("accounts")
    {
        ModelName = "user";
        VerboseName = "user";
        ListDisplay =
        [
            Column(u => u.Email),
            Column(u => u.DisplayName),
            Column(u => u.IsStaff),
            Column(u => u.IsSuperuser),
            Column(u => u.IsActive),
            Column(u => u.DateJoined),
            Column(u => u.LastLogin),
        ];
        SearchFields = ["Email", "UserName", "DisplayName"];
        ListFilter = [Filter(u => u.IsStaff), Filter(u => u.IsSuperuser), Filter(u => u.IsActive), new RoleListFilter(), new LockedOutFilter()];
        Ordering = ["Email"];
        SecretFields = [nameof(ApplicationUser.PasswordHash), nameof(ApplicationUser.SecurityStamp), nameof(ApplicationUser.ConcurrencyStamp)];
        Fieldsets =
        [
            new(null, [u => u.Email, u => u.DisplayName]),
            new("Permissions", [u => u.IsActive, u => u.IsStaff, u => u.IsSuperuser])
            {
                Extra =
                [
                    new UserRolesField { HelpText = "The user holds every permission of each of these roles." },
                    new UserPermissionsField { HelpText = "Permissions granted to this user directly, besides their roles'." },
                ],
            },
            new("Important dates", [u => u.DateJoined, u => u.LastLogin]),
        ];
        AddFieldsets =
        [
            new(null, [u => u.Email])
            {
                Extra =
                [
                    new PasswordField(Password1, "Password"),
                    new PasswordField(Password2, "Password confirmation") { HelpText = "Enter the same password as before, for verification." },
                ],
            },
        ];
        ReadonlyFields = [u => u.DateJoined, u => u.LastLogin];
        EditAfterAdd = true;
    }

    /// <summary>Only superusers see the superuser flag as a checkbox (rule 1); a forged one is refused in <see cref="CleanAsync"/>.</summary>
    public override IReadOnlyCollection<string> GetReadonlyFields(AdminUser user, ApplicationUser? obj) =>
        user.IsSuperuser ? [] : [nameof(ApplicationUser.IsSuperuser)];

    public override Task<AdminRefusal?> ChangeRefusalAsync(AdminObjectContext<ApplicationUser> context, CancellationToken cancellationToken) =>
        Guard(context).ManageUserRefusalAsync(context.User, context.Object, cancellationToken);

    public override Task<AdminRefusal?> DeleteRefusalAsync(AdminObjectContext<ApplicationUser> context, CancellationToken cancellationToken) =>
        Guard(context).DeleteUserRefusalAsync(context.User, context.Object, cancellationToken);

    public override async Task CleanAsync(AdminObjectContext<ApplicationUser> context, CancellationToken cancellationToken)
    {
        var users = context.Services.GetRequiredService<UserManager<ApplicationUser>>();
        var user = context.Object;
        user.Email = user.Email?.Trim();
        if (string.IsNullOrEmpty(user.Email))
        {
            context.AddError(nameof(ApplicationUser.Email), "This field is required.");
            return;
        }
        // The one email rule of the site (registration, change of email, checkout): the mail code can then always send to it.
        if (!EmailAddressRule.IsValid(user.Email))
        {
            context.AddError(nameof(ApplicationUser.Email), EmailAddressRule.Message);
            return;
        }
        // The address is the user name, as at registration; Identity's validators check that both are free.
        user.UserName = user.Email;
        foreach (var validator in users.UserValidators)
        {
            var result = await validator.ValidateAsync(users, user);
            foreach (var error in result.Errors.Where(e => e.Code != nameof(IdentityErrorDescriber.DuplicateUserName)))
                context.AddError(nameof(ApplicationUser.Email), error.Description);
        }
        if (context.IsNew) await CleanPasswordsAsync(context, users, user);
        else await CleanChangeAsync(context, cancellationToken);
    }

    /// <summary>password1 and password2 must match and pass the configured password validators (Identity's options).</summary>
    internal static async Task CleanPasswordsAsync(AdminObjectContext<ApplicationUser> context, UserManager<ApplicationUser> users, ApplicationUser user)
    {
        var password = context.Form![Password1].LastOrDefault() ?? "";
        var confirmation = context.Form[Password2].LastOrDefault() ?? "";
        if (password.Length == 0 || confirmation.Length == 0) return; // "This field is required." is already beside it.
        if (password != confirmation)
        {
            context.AddError(Password2, "The two password fields didn't match.");
            return;
        }
        foreach (var validator in users.PasswordValidators)
        {
            foreach (var error in (await validator.ValidateAsync(users, user, password)).Errors)
                context.AddError(Password1, error.Description);
        }
    }

    /// <summary>Rules 1, 2 and 4 on a change: the superuser flag, what is granted, and the editor's own account.</summary>
    private static async Task CleanChangeAsync(AdminObjectContext<ApplicationUser> context, CancellationToken cancellationToken)
    {
        var editor = context.User;
        var user = context.Object;
        var entry = context.Db.Entry(user);
        bool Was(string property) => (bool)entry.Property(property).OriginalValue!;

        if (!editor.IsSuperuser && context.Form!.ContainsKey(nameof(ApplicationUser.IsSuperuser)))
        {
            // The flag is not on a non-superuser's form: a posted one is forged.
            var wanted = context.Form[nameof(ApplicationUser.IsSuperuser)].Any(v => v is "true" or "on");
            if (wanted != user.IsSuperuser)
                context.Refuse(new(EscalationGuard.SuperusersOnly, "Only a superuser may set or clear superuser status."), nameof(ApplicationUser.IsSuperuser));
        }
        if (!editor.IsSuperuser && user.IsStaff && !Was(nameof(ApplicationUser.IsStaff)) && !editor.Has(EscalationGuard.ChangeUser))
        {
            context.Refuse(new(EscalationGuard.GrantOnlyWhatYouHold, $"Granting staff status needs the {EscalationGuard.ChangeUser} permission."),
                nameof(ApplicationUser.IsStaff));
        }

        var guard = Guard(context);
        var roles = context.Chosen(UserRolesField.Name).Except(context.Initial(UserRolesField.Name)).ToList();
        var roleNames = await RoleNamesAsync(context, cancellationToken);
        if (await guard.GrantRolesRefusalAsync(editor, roles, roleNames, cancellationToken) is { } roleRefusal)
            context.Refuse(roleRefusal, UserRolesField.Name);
        var permissions = context.Chosen(UserPermissionsField.Name).Except(context.Initial(UserPermissionsField.Name));
        if (EscalationGuard.GrantPermissionsRefusal(editor, permissions, EscalationGuard.GrantOnlyWhatYouHold) is { } permissionRefusal)
            context.Refuse(permissionRefusal, UserPermissionsField.Name);

        if (user.Id == editor.Id)
        {
            const string why = " from the admin: another administrator must do it, so nobody locks the site out by mistake.";
            if (Was(nameof(ApplicationUser.IsSuperuser)) && !user.IsSuperuser)
                context.Refuse(new(EscalationGuard.NotYourself, "You cannot remove your own superuser status" + why), nameof(ApplicationUser.IsSuperuser));
            if (Was(nameof(ApplicationUser.IsStaff)) && !user.IsStaff)
                context.Refuse(new(EscalationGuard.NotYourself, "You cannot remove your own staff status" + why), nameof(ApplicationUser.IsStaff));
            if (Was(nameof(ApplicationUser.IsActive)) && !user.IsActive)
                context.Refuse(new(EscalationGuard.NotYourself, "You cannot deactivate your own account" + why), nameof(ApplicationUser.IsActive));
        }
    }

    private static async Task<IReadOnlyDictionary<string, string>> RoleNamesAsync(AdminObjectContext<ApplicationUser> context, CancellationToken cancellationToken) =>
        (await new UserRolesField().OptionsAsync(context, cancellationToken)).ToDictionary(o => o.Value, o => o.Label, StringComparer.Ordinal);

    /// <summary>Identity's bookkeeping the form does not show: normalized names, stamps, and on add the hash of the password.</summary>
    public override Task SaveModelAsync(AdminSaveContext<ApplicationUser> context, CancellationToken cancellationToken)
    {
        var users = context.Services.GetRequiredService<UserManager<ApplicationUser>>();
        var user = context.Object;
        user.UserName = user.Email;
        user.NormalizedUserName = users.NormalizeName(user.UserName);
        user.NormalizedEmail = users.NormalizeEmail(user.Email);
        // Every Identity update changes the concurrency stamp: a form opened before this save is then stale.
        user.ConcurrencyStamp = Guid.NewGuid().ToString();
        if (context.IsNew)
        {
            user.EmailConfirmed = true; // an admin vouches for the address
            user.SecurityStamp = Guid.NewGuid().ToString();
            user.PasswordHash = users.PasswordHasher.HashPassword(user, context.Form![Password1].LastOrDefault()!);
        }
        return Task.CompletedTask;
    }

    public override Task<IReadOnlyList<ChangeFormPanel>> ChangeFormPanelsAsync(AdminObjectContext<ApplicationUser> context, CancellationToken cancellationToken)
    {
        var user = context.Object;
        var lines = new List<ChangeFormPanel.Line>
        {
            new(user.PasswordHash is null ? "Password: not set ·" : "Password: set ·", "Change it with this form", UserAdminUrls.Password(user.Id)),
        };
        var buttons = new List<ChangeFormPanel.Button>();
        if (user.LockoutEnd is { } end && end > DateTimeOffset.UtcNow)
        {
            lines.Add(new($"Locked out until {end.UtcDateTime:yyyy-MM-dd HH:mm} UTC."));
            buttons.Add(new("Unlock", UserAdminUrls.Unlock(user.Id)));
        }
        buttons.Add(new("Sign out everywhere", UserAdminUrls.SignOutEverywhere(user.Id), Danger: true));
        IReadOnlyList<ChangeFormPanel> panels = [new("Password and sessions", lines, context.User.Has(EscalationGuard.ChangeUser) ? buttons : [])];
        return Task.FromResult(panels);
    }

    private static EscalationGuard Guard(AdminObjectContext<ApplicationUser> context) => context.Services.GetRequiredService<EscalationGuard>();
}
