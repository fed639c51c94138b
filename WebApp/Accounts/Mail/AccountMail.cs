using WebApp.Data;
using WebApp.Mail;

namespace WebApp.Accounts.Mail;

/// <summary>
/// Queues account emails in the transactional outbox: stored with the change they belong to (when the caller holds a
/// transaction) and delivered with retries by the outbox, so a mail server that is down never fails the page.
/// </summary>
internal sealed class AccountMail(AppDbContext db, TimeProvider time)
{
    public async Task QueueAsync(EmailMessage message, CancellationToken cancellationToken)
    {
        db.Add(OutboxMessage.For(message, time.GetUtcNow().UtcDateTime));
        await db.SaveChangesAsync(cancellationToken);
    }
}
