using Microsoft.EntityFrameworkCore;
using WebApp.Data;

namespace WebApp.Api.Tokens;

/// <summary>A token just made: <see cref="Secret"/> is the only copy of the whole token and is shown once.</summary>
internal sealed record CreatedApiToken(int Id, string Name, string Secret, DateTime? ExpiresAt);

/// <summary>A token as its owner's list shows it; never the secret or its hash.</summary>
internal sealed record ApiTokenListItem(int Id, string Name, string Prefix, DateTime CreatedAt, DateTime? ExpiresAt, DateTime? LastUsedAt, DateTime? RevokedAt)
{
    public string Display => ApiTokenFormat.Display(Prefix);
}

/// <summary>Who a bearer token speaks for, or why it was refused.</summary>
internal sealed record ApiTokenCheck(bool Succeeded, string? UserId = null, string? UserName = null, int TokenId = 0, string? Failure = null)
{
    public static ApiTokenCheck Refused(string reason) => new(false, Failure: reason);
}

/// <summary>Personal API tokens: made, listed and revoked by their owner; checked on every bearer request.</summary>
internal sealed class ApiTokenService(AppDbContext db, TimeProvider clock, ILogger<ApiTokenService> logger)
{
    /// <summary>Last-used times are this precise, so that a busy client does not cost a write per request.</summary>
    public static readonly TimeSpan LastUsedResolution = TimeSpan.FromMinutes(1);

    /// <summary>Enough for every script a person runs; a bound so that a runaway script cannot fill the table.</summary>
    public const int MaxActiveTokensPerUser = 50;

    public const string InvalidToken = "The bearer token is not valid.";

    public async Task<CreatedApiToken> CreateAsync(string userId, string name, DateTime? expiresAt, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            var prefix = ApiTokenFormat.NewPrefix();
            var secret = ApiTokenFormat.NewToken(prefix);
            var token = new ApiToken
            {
                UserId = userId,
                Name = name.Trim(),
                Prefix = prefix,
                SecretHash = ApiTokenFormat.Hash(secret),
                CreatedAt = clock.GetUtcNow().UtcDateTime,
                ExpiresAt = expiresAt,
            };
            db.Add(token);
            try
            {
                await db.SaveChangesAsync(cancellationToken);
                return new CreatedApiToken(token.Id, token.Name, secret, token.ExpiresAt);
            }
            catch (DbUpdateException) when (attempt < 3)
            {
                // 60 random bits make a taken prefix all but impossible; a new one settles it if it happens.
                db.Entry(token).State = EntityState.Detached;
                if (!await PrefixTakenAsync(prefix, cancellationToken)) throw;
            }
        }
    }

    public Task<int> CountActiveAsync(string userId, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        return db.Set<ApiToken>().CountAsync(t => t.UserId == userId && t.RevokedAt == null && (t.ExpiresAt == null || t.ExpiresAt > now), cancellationToken);
    }

    public async Task<IReadOnlyList<ApiTokenListItem>> ListAsync(string userId, CancellationToken cancellationToken) =>
        await db.Set<ApiToken>().AsNoTracking()
            .Where(t => t.UserId == userId)
            .OrderByDescending(t => t.CreatedAt).ThenByDescending(t => t.Id)
            .Select(t => new ApiTokenListItem(t.Id, t.Name, t.Prefix, t.CreatedAt, t.ExpiresAt, t.LastUsedAt, t.RevokedAt))
            .ToListAsync(cancellationToken);

    /// <summary>Revokes one of the user's own tokens; false when they have no such token (or it was revoked already).</summary>
    public async Task<bool> RevokeAsync(string userId, int tokenId, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        return await db.Set<ApiToken>()
            .Where(t => t.Id == tokenId && t.UserId == userId && t.RevokedAt == null)
            .ExecuteUpdateAsync(set => set.SetProperty(t => t.RevokedAt, now), cancellationToken) > 0;
    }

    /// <summary>Checks a presented token against the database now: nothing about a token's validity outlives the request.</summary>
    public async Task<ApiTokenCheck> CheckAsync(string presented, CancellationToken cancellationToken)
    {
        if (!ApiTokenFormat.TryReadPrefix(presented, out var prefix)) return ApiTokenCheck.Refused(InvalidToken);
        var token = await db.Set<ApiToken>().AsNoTracking()
            .Where(t => t.Prefix == prefix)
            .Select(t => new { t.Id, t.SecretHash, t.ExpiresAt, t.RevokedAt, t.LastUsedAt, t.UserId, t.User!.UserName, t.User.IsActive })
            .SingleOrDefaultAsync(cancellationToken);
        // Only the holder of the whole secret learns more than "not valid".
        if (token is null || !ApiTokenFormat.Matches(presented, token.SecretHash)) return ApiTokenCheck.Refused(InvalidToken);

        var now = clock.GetUtcNow().UtcDateTime;
        if (token.RevokedAt is not null) return ApiTokenCheck.Refused("This token has been revoked.");
        if (token.ExpiresAt <= now) return ApiTokenCheck.Refused("This token has expired.");
        if (!token.IsActive) return ApiTokenCheck.Refused("The account this token belongs to is inactive.");

        if (token.LastUsedAt is not { } lastUsed || now - lastUsed >= LastUsedResolution)
            await RecordUseAsync(token.Id, now, cancellationToken);
        return new ApiTokenCheck(true, token.UserId, token.UserName, token.Id);
    }

    private async Task RecordUseAsync(int tokenId, DateTime now, CancellationToken cancellationToken)
    {
        var staleBefore = now - LastUsedResolution;
        try
        {
            // Conditional, so that parallel requests of one client write once.
            await db.Set<ApiToken>()
                .Where(t => t.Id == tokenId && (t.LastUsedAt == null || t.LastUsedAt <= staleBefore))
                .ExecuteUpdateAsync(set => set.SetProperty(t => t.LastUsedAt, now), cancellationToken);
        }
        catch (Exception exception) when (DatabaseProviders.IsBusy(exception))
        {
            // A busy database must not refuse a valid token: the time is recorded by the next request instead.
            logger.LogWarning(exception, "Last use of API token {TokenId} not recorded: the database was busy", tokenId);
        }
    }

    private Task<bool> PrefixTakenAsync(string prefix, CancellationToken cancellationToken) =>
        db.Set<ApiToken>().AsNoTracking().AnyAsync(t => t.Prefix == prefix, cancellationToken);
}
