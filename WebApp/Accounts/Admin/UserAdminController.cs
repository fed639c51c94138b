using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using WebApp.Admin;
using WebApp.Admin.Controllers;

namespace WebApp.Accounts.Admin;

/// <summary>
/// The user admin's own pages (Django's UserAdmin.get_urls): set a password, unlock, sign out everywhere. Each needs
/// <c>accounts.change_user</c> and passes the same rules as the change form; each is written to the history.
/// </summary>
[Route("admin/accounts/user/{id}")]
public sealed class UserAdminController(UserManager<ApplicationUser> users, SignInManager<ApplicationUser> signIn, ILogger<UserAdminController> log)
    : AdminControllerBase
{
    private const string ViewPath = "~/Accounts/Admin/SetPassword.cshtml";

    [HttpGet("password")]
    public async Task<IActionResult> SetPassword([FromRoute] string id, CancellationToken cancellationToken)
    {
        var (user, refused) = await UserToManageAsync(id, cancellationToken);
        if (user is null) return refused!;
        return View(ViewPath, SetPasswordPage.For(user, ChangeUrl(user)));
    }

    [HttpPost("password")]
    public async Task<IActionResult> SetPasswordPost([FromRoute] string id, CancellationToken cancellationToken)
    {
        var (user, refused) = await UserToManageAsync(id, cancellationToken);
        if (user is null) return refused!;
        var form = await Request.ReadFormAsync(cancellationToken);
        var page = SetPasswordPage.For(user, ChangeUrl(user));
        var password = form[UserAdmin.Password1].LastOrDefault() ?? "";
        var confirmation = form[UserAdmin.Password2].LastOrDefault() ?? "";
        if (password.Length == 0) page.Password1.Errors.Add("This field is required.");
        if (confirmation.Length == 0) page.Password2.Errors.Add("This field is required.");
        if (!page.HasErrors && password != confirmation) page.Password2.Errors.Add("The two password fields didn't match.");
        if (!page.HasErrors)
        {
            foreach (var validator in users.PasswordValidators)
                page.Password1.Errors.AddRange((await validator.ValidateAsync(users, user, password)).Errors.Select(e => e.Description));
        }
        if (page.HasErrors) return View(ViewPath, page);

        user.PasswordHash = users.PasswordHasher.HashPassword(user, password);
        await SaveAsync(user, cancellationToken);
        log.LogInformation("User {EditorId} set the password of user {UserId} in the admin.", AdminUser.Id, user.Id);
        Message(AdminMessages.Success, "Password changed successfully. The user's other sessions have ended.");
        return Redirect(ChangeUrl(user));
    }

    [HttpPost("unlock")]
    public async Task<IActionResult> Unlock([FromRoute] string id, CancellationToken cancellationToken)
    {
        var (user, refused) = await UserToManageAsync(id, cancellationToken);
        if (user is null) return refused!;
        user.LockoutEnd = null;
        user.AccessFailedCount = 0;
        await SaveAsync(user, cancellationToken, newSessions: false);
        log.LogInformation("User {EditorId} unlocked user {UserId} in the admin.", AdminUser.Id, user.Id);
        Message(AdminMessages.Success, $"The user \"{user}\" was unlocked.");
        return Redirect(ChangeUrl(user));
    }

    [HttpPost("sign-out-everywhere")]
    public async Task<IActionResult> SignOutEverywhere([FromRoute] string id, CancellationToken cancellationToken)
    {
        var (user, refused) = await UserToManageAsync(id, cancellationToken);
        if (user is null) return refused!;
        await SaveAsync(user, cancellationToken);
        log.LogInformation("User {EditorId} signed user {UserId} out everywhere in the admin.", AdminUser.Id, user.Id);
        Message(AdminMessages.Success, $"The user \"{user}\" was signed out everywhere.");
        return Redirect(ChangeUrl(user));
    }

    /// <summary>The user, tracked, if the editor may change it (model permission, then rules 1 and 3); otherwise the refusal.</summary>
    private async Task<(ApplicationUser? User, IActionResult? Refused)> UserToManageAsync(string id, CancellationToken cancellationToken)
    {
        var admin = Registry.Find(typeof(ApplicationUser))!;
        if (!await HasAsync(admin, AdminOperation.Change)) return (null, Forbidden());
        var engine = admin.CreateEngine(RequestContext());
        if (await engine.FindAsync(id, cancellationToken) is not ApplicationUser user)
        {
            Message(AdminMessages.Warning, $"User with ID \"{id}\" doesn't exist. Perhaps it was deleted?");
            return (null, Redirect(AdminUrls.ChangeList(admin)));
        }
        if (await admin.ObjectRefusalAsync(AdminOperation.Change, user, RequestContext(), cancellationToken) is { } refusal)
            return (null, Refused(user.ToString(), refusal));
        return (user, null);
    }

    /// <summary>
    /// Saves with a history entry (the hash and stamps are named there, never their values). A new security stamp ends
    /// the user's other sessions; the editor's own session is renewed so it does not end with them.
    /// </summary>
    private async Task SaveAsync(ApplicationUser user, CancellationToken cancellationToken, bool newSessions = true)
    {
        if (newSessions) user.SecurityStamp = Guid.NewGuid().ToString();
        user.ConcurrencyStamp = Guid.NewGuid().ToString();
        var context = RequestContext();
        await context.History.SaveWithHistoryAsync(context.Db, [new HistoryRecord(context.Db.Entry(user), LogAction.Change)], AdminUser.Id, cancellationToken);
        if (newSessions && user.Id == AdminUser.Id) await signIn.RefreshSignInAsync(user);
    }

    private string ChangeUrl(ApplicationUser user) => AdminUrls.Change(Registry.Find(typeof(ApplicationUser))!, user.Id);
}
