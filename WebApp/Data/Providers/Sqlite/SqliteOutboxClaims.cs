using Microsoft.EntityFrameworkCore;
using WebApp.Mail;

namespace WebApp.Data.Providers.Sqlite;

/// <summary>
/// SQLite has one writer at a time and no row locks: the first due message is read, then leased by a conditional
/// UPDATE that only one dispatcher can win; a dispatcher that loses looks again.
/// </summary>
internal sealed class SqliteOutboxClaims : IOutboxClaims
{
    private const int Tries = 5;

    public async Task<long?> ClaimNextAsync(AppDbContext db, OutboxClaim claim, CancellationToken cancellationToken)
    {
        for (var attempt = 0; attempt < Tries; attempt++)
        {
            var id = await Due(db, claim).OrderBy(m => m.NextAttemptAt).ThenBy(m => m.Id)
                .Select(m => (long?)m.Id).FirstOrDefaultAsync(cancellationToken);
            if (id is null) return null;
            var claimed = await Due(db, claim).Where(m => m.Id == id)
                .ExecuteUpdateAsync(s => s
                    .SetProperty(m => m.LockedBy, claim.Owner)
                    .SetProperty(m => m.LockedUntil, claim.LeaseUntil), cancellationToken);
            if (claimed == 1) return id;
        }
        return null;
    }

    private static IQueryable<OutboxMessage> Due(AppDbContext db, OutboxClaim claim) =>
        db.Set<OutboxMessage>().Where(m => m.SentAt == null && m.Attempts < claim.MaxAttempts && m.NextAttemptAt <= claim.Now
                                           && (m.LockedUntil == null || m.LockedUntil <= claim.Now));
}
