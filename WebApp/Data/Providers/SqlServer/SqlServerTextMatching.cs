using System.Reflection;
using Microsoft.EntityFrameworkCore;

namespace WebApp.Data.Providers.SqlServer;

/// <summary>
/// LIKE under the database's case-insensitive collation (SQL Server's default); besides % and _, [ opens a character
/// class, so it is escaped too.
/// </summary>
internal sealed class SqlServerTextMatching : LikeMatching
{
    protected override IReadOnlyList<char> Wildcards { get; } = ['%', '_', '['];
    protected override MethodInfo LikeMethod { get; } = LikeOf(typeof(DbFunctionsExtensions), nameof(DbFunctionsExtensions.Like));
}
