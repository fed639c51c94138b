using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace WebApp.Data.Providers.Postgres;

/// <summary>SQLSTATE 23505 unique_violation; the server names the index.</summary>
internal sealed class PostgresUniqueViolations : IUniqueViolations
{
    public UniqueViolation? Find(DbUpdateException exception) =>
        exception.InnerException is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation } error
            ? new UniqueViolation(error.ConstraintName, [])
            : null;
}
