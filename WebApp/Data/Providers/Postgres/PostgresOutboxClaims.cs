using Microsoft.EntityFrameworkCore;

namespace WebApp.Data.Providers.Postgres;

/// <summary>
/// One statement: the first due message that no other transaction has locked (FOR UPDATE SKIP LOCKED) is leased, so
/// concurrent dispatchers take different messages instead of queueing behind one row.
/// </summary>
internal sealed class PostgresOutboxClaims : IOutboxClaims
{
    public async Task<long?> ClaimNextAsync(AppDbContext db, OutboxClaim claim, CancellationToken cancellationToken)
    {
        var ids = await db.Database.SqlQuery<long>($"""
            UPDATE "OutboxMessages" SET "LockedBy" = {claim.Owner}, "LockedUntil" = {claim.LeaseUntil}
            WHERE "Id" = (
                SELECT "Id" FROM "OutboxMessages"
                WHERE "SentAt" IS NULL AND "Attempts" < {claim.MaxAttempts} AND "NextAttemptAt" <= {claim.Now}
                  AND ("LockedUntil" IS NULL OR "LockedUntil" <= {claim.Now})
                ORDER BY "NextAttemptAt", "Id"
                LIMIT 1
                FOR UPDATE SKIP LOCKED)
            RETURNING "Id" AS "Value"
            """).ToListAsync(cancellationToken);
        return ids.Count == 0 ? null : ids[0];
    }
}
