using System.Text.RegularExpressions;
using Microsoft.Data.SqlClient;
using Microsoft.EntityFrameworkCore;

namespace WebApp.Data.Providers.SqlServer;

/// <summary>
/// Errors 2601 (duplicate key in a unique index) and 2627 (unique or primary key constraint). SQL Server reports the
/// index's name only inside the message, in quotes, so it is read from there.
/// </summary>
internal sealed partial class SqlServerUniqueViolations : IUniqueViolations
{
    public UniqueViolation? Find(DbUpdateException exception) =>
        exception.InnerException is SqlException { Number: 2601 or 2627 } error ? Parse(error.Message) : null;

    /// <summary>The violation described by an error 2601/2627 message.</summary>
    public static UniqueViolation Parse(string message) =>
        new(IndexName().Match(message) is { Success: true } match ? match.Groups["name"].Value : null, []);

    [GeneratedRegex(@"(?:unique index|constraint) '(?<name>[^']+)'", RegexOptions.IgnoreCase)]
    private static partial Regex IndexName();
}
