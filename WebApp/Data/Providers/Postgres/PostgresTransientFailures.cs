using Npgsql;

namespace WebApp.Data.Providers.Postgres;

/// <summary>A serialization failure, a deadlock the server broke, or a lock that could not be had: try again.</summary>
internal sealed class PostgresTransientFailures : ITransientFailures
{
    public bool IsTransient(Exception exception) =>
        exception is PostgresException
        {
            SqlState: PostgresErrorCodes.SerializationFailure or PostgresErrorCodes.DeadlockDetected or PostgresErrorCodes.LockNotAvailable,
        }
        || (exception.InnerException is { } inner && IsTransient(inner));
}
