namespace WebApp.Data.Providers;

/// <summary>
/// Claims the next due outbox message for one dispatcher, so that however many instances poll the same table, each
/// message is handed to exactly one of them at a time.
/// </summary>
internal interface IOutboxClaims
{
    /// <summary>The id of the message now leased to <paramref name="claim"/>'s owner, or null when none is due.</summary>
    Task<long?> ClaimNextAsync(AppDbContext db, OutboxClaim claim, CancellationToken cancellationToken);
}
