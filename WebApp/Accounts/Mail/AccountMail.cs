using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using WebApp.Data;
using WebApp.Mail;

namespace WebApp.Accounts.Mail;

/// <summary>
/// Queues account emails in the transactional outbox: stored with the change they belong to (when the caller holds a
/// transaction) and delivered with retries by the outbox, so a mail server that is down never fails the page.
/// </summary>
internal sealed class AccountMail(AppDbContext db, UserManager<ApplicationUser> users, TimeProvider time)
{
    public async Task QueueAsync(EmailMessage message, CancellationToken cancellationToken)
    {
        db.Add(OutboxMessage.For(message, time.GetUtcNow().UtcDateTime));
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>The confirmation link for the user's current address (after registering, or asked for again).</summary>
    public async Task QueueEmailConfirmationAsync(
        ApplicationUser user, IUrlHelper url, string scheme, string? returnUrl, CancellationToken cancellationToken)
    {
        var code = EmailTokens.Encode(await users.GenerateEmailConfirmationTokenAsync(user));
        var link = url.Page("/Account/ConfirmEmail", null, new { area = "Identity", userId = user.Id, code, returnUrl }, scheme)!;
        await QueueAsync(AccountEmails.ConfirmEmail(user.Email!, link), cancellationToken);
    }
}
