using Microsoft.EntityFrameworkCore;

namespace WebApp.Data;

public static class OneConnection
{
    /// <summary>
    /// Runs several queries on one opening of the connection. EF otherwise opens and closes it around each query, and
    /// on SQLite each opening registers EF's SQL functions again.
    /// </summary>
    public static async Task<T> OnOneConnectionAsync<T>(this DbContext db, Func<Task<T>> queries, CancellationToken cancellationToken)
    {
        await db.Database.OpenConnectionAsync(cancellationToken);
        try
        {
            return await queries();
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }
}
