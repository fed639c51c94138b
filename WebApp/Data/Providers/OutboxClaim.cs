namespace WebApp.Data.Providers;

/// <summary>Who claims, as of when, until when, and the attempt limit past which a message is no longer due.</summary>
internal sealed record OutboxClaim(string Owner, DateTime Now, DateTime LeaseUntil, int MaxAttempts);
