using System.Reflection;
using Microsoft.EntityFrameworkCore;

namespace WebApp.Data.Providers.Postgres;

/// <summary>PostgreSQL's LIKE is case-sensitive: ILIKE ignores case (of every letter), and the trigram indexes serve it.</summary>
internal sealed class PostgresTextMatching : LikeMatching
{
    protected override IReadOnlyList<char> Wildcards { get; } = ['%', '_'];
    protected override MethodInfo LikeMethod { get; } = LikeOf(typeof(NpgsqlDbFunctionsExtensions), nameof(NpgsqlDbFunctionsExtensions.ILike));
}
