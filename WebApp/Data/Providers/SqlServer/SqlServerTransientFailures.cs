using Microsoft.Data.SqlClient;

namespace WebApp.Data.Providers.SqlServer;

/// <summary>Chosen as a deadlock victim (1205) or a lock request timed out (1222): try again.</summary>
internal sealed class SqlServerTransientFailures : ITransientFailures
{
    public bool IsTransient(Exception exception) =>
        exception is SqlException { Number: 1205 or 1222 }
        || (exception.InnerException is { } inner && IsTransient(inner));
}
