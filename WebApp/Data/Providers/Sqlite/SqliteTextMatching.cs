using System.Reflection;
using Microsoft.EntityFrameworkCore;

namespace WebApp.Data.Providers.Sqlite;

/// <summary>SQLite's LIKE ignores the case of ASCII letters (not of other letters) and knows only % and _.</summary>
internal sealed class SqliteTextMatching : LikeMatching
{
    protected override IReadOnlyList<char> Wildcards { get; } = ['%', '_'];
    protected override MethodInfo LikeMethod { get; } = LikeOf(typeof(DbFunctionsExtensions), nameof(DbFunctionsExtensions.Like));
}
