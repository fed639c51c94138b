using Microsoft.AspNetCore.Identity.UI.Services;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using WebApp.Data;
using WebApp.Data.Providers;

namespace WebApp.Mail;

/// <summary>
/// Sends the outbox's due messages through <see cref="IEmailSender"/>. Each message is first claimed with a lease (by the
/// engine's <see cref="IOutboxClaims"/>: a conditional UPDATE only one dispatcher can win), so no two instances send it at once; a failure is retried later
/// with exponential back-off; a dispatcher that dies mid-delivery leaves a lease that simply lapses.
/// </summary>
public sealed class OutboxDispatcher(
    IServiceScopeFactory scopes, IOptionsMonitor<OutboxOptions> options, TimeProvider time, ILogger<OutboxDispatcher> logger)
{
    private readonly SemaphoreSlim _oneRoundAtATime = new(1, 1);

    /// <summary>Names this dispatcher in the lease column.</summary>
    public string Owner { get; } = NewOwnerName();

    /// <summary>Attempts every message due now (up to BatchSize); returns how many were sent.</summary>
    public async Task<int> DeliverDueMessagesAsync(CancellationToken cancellationToken = default)
    {
        await _oneRoundAtATime.WaitAsync(cancellationToken);
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            var sender = scope.ServiceProvider.GetRequiredService<IEmailSender>();
            var settings = options.CurrentValue;

            var claims = db.Provider().OutboxClaims;
            var sent = 0;
            // One message at a time, each claimed just before it is sent: a stop (SIGTERM) is honoured between messages,
            // and a message is never leased to this instance while it waits behind others.
            for (var claimed = 0; claimed < settings.BatchSize && !cancellationToken.IsCancellationRequested; claimed++)
            {
                var now = Now;
                var claim = new OutboxClaim(Owner, now, now + settings.LeaseDuration, settings.MaxAttempts);
                if (await claims.ClaimNextAsync(db, claim, cancellationToken) is not { } id) break;
                if (await DeliverAsync(db, sender, id, settings, cancellationToken)) sent++;
            }
            return sent;
        }
        finally
        {
            _oneRoundAtATime.Release();
        }
    }

    private DateTime Now => time.GetUtcNow().UtcDateTime;

    private async Task<bool> DeliverAsync(
        AppDbContext db, IEmailSender sender, long id, OutboxOptions settings, CancellationToken cancellationToken)
    {
        var message = await db.Set<OutboxMessage>().AsNoTracking().SingleAsync(m => m.Id == id, cancellationToken);
        var attempts = message.Attempts + 1;
        try
        {
            await sender.SendEmailAsync(message.To, message.Subject, message.HtmlBody);
        }
        catch (Exception exception) when (!cancellationToken.IsCancellationRequested)
        {
            var delay = BackOff(attempts, settings);
            var error = $"{exception.GetType().Name}: {exception.Message}";
            await Mine(db, id).ExecuteUpdateAsync(s => s
                .SetProperty(m => m.Attempts, attempts)
                .SetProperty(m => m.LastError, error.Length > 2000 ? error[..2000] : error)
                .SetProperty(m => m.NextAttemptAt, Now + delay)
                .SetProperty(m => m.LockedBy, (string?)null)
                .SetProperty(m => m.LockedUntil, (DateTime?)null), CancellationToken.None);
            if (attempts >= settings.MaxAttempts)
                logger.LogError(exception, "Gave up on email {MessageId} \"{Subject}\" after {Attempts} attempts", id, message.Subject, attempts);
            else
                logger.LogWarning(exception, "Email {MessageId} failed (attempt {Attempts}); next try in {Delay}", id, attempts, delay);
            return false;
        }

        // Not cancellable: the email is gone, so the row must say so.
        var marked = await Mine(db, id).ExecuteUpdateAsync(s => s
            .SetProperty(m => m.Attempts, attempts)
            .SetProperty(m => m.SentAt, Now)
            .SetProperty(m => m.LastError, (string?)null)
            .SetProperty(m => m.LockedBy, (string?)null)
            .SetProperty(m => m.LockedUntil, (DateTime?)null), CancellationToken.None);
        if (marked == 0)
            logger.LogWarning("Email {MessageId} was sent after its lease had lapsed; LeaseDuration may be too short", id);
        return true;
    }

    private static string NewOwnerName()
    {
        var name = $"{Environment.MachineName}/{Environment.ProcessId}/{Guid.NewGuid():N}";
        return name.Length > 100 ? name[^100..] : name;
    }

    private IQueryable<OutboxMessage> Mine(AppDbContext db, long id) =>
        db.Set<OutboxMessage>().Where(m => m.Id == id && m.LockedBy == Owner);

    /// <summary>BaseDelay × 2^(attempts − 1), at most MaxDelay.</summary>
    public static TimeSpan BackOff(int attempts, OutboxOptions settings)
    {
        var ticks = settings.BaseDelay.Ticks * Math.Pow(2, Math.Max(0, attempts - 1));
        return ticks >= settings.MaxDelay.Ticks ? settings.MaxDelay : TimeSpan.FromTicks((long)ticks);
    }
}
