using Microsoft.EntityFrameworkCore;

namespace WebApp.Data.Providers.SqlServer;

/// <summary>
/// One statement: the first due message that no other transaction holds (READPAST skips locked rows, UPDLOCK keeps
/// two readers from picking the same one) is leased, so concurrent dispatchers take different messages.
/// </summary>
internal sealed class SqlServerOutboxClaims : IOutboxClaims
{
    public async Task<long?> ClaimNextAsync(AppDbContext db, OutboxClaim claim, CancellationToken cancellationToken)
    {
        var ids = await db.Database.SqlQuery<long>(Sql(claim)).ToListAsync(cancellationToken);
        return ids.Count == 0 ? null : ids[0];
    }

    /// <summary>The claiming statement, its values as parameters.</summary>
    public static FormattableString Sql(OutboxClaim claim) => $"""
        WITH [Next] AS (
            SELECT TOP (1) * FROM [OutboxMessages] WITH (UPDLOCK, READPAST, ROWLOCK)
            WHERE [SentAt] IS NULL AND [Attempts] < {claim.MaxAttempts} AND [NextAttemptAt] <= {claim.Now}
              AND ([LockedUntil] IS NULL OR [LockedUntil] <= {claim.Now})
            ORDER BY [NextAttemptAt], [Id])
        UPDATE [Next] SET [LockedBy] = {claim.Owner}, [LockedUntil] = {claim.LeaseUntil}
        OUTPUT inserted.[Id] AS [Value];
        """;
}
