using WebApp.Data.Providers;
using WebApp.Data.Providers.SqlServer;

namespace WebApp.Tests.Data.Providers.SqlServer;

/// <summary>SQL Server's seam pieces that can be checked without a server (none runs here).</summary>
public sealed class SqlServerSeamTests
{
    [Fact]
    public void The_outbox_claim_skips_locked_rows_and_passes_every_value_as_a_parameter()
    {
        var now = new DateTime(2026, 11, 30, 4, 0, 0, DateTimeKind.Utc);
        var sql = SqlServerOutboxClaims.Sql(new OutboxClaim("instance-a", now, now.AddMinutes(5), 4));

        Assert.Contains("WITH (UPDLOCK, READPAST, ROWLOCK)", sql.Format);
        Assert.Contains("OUTPUT inserted.[Id] AS [Value]", sql.Format);
        Assert.Equal([4, now, now, "instance-a", now.AddMinutes(5)], sql.GetArguments());
        Assert.DoesNotContain("instance-a", sql.Format);
    }

    [Fact]
    public void Explicit_keys_turn_identity_insert_on_around_each_insert_only()
    {
        var keys = new SqlServerBulkInsertKeys();
        Assert.Equal("SET IDENTITY_INSERT [Products] ON;", keys.BeforeInsert("[Products]", "Id"));
        Assert.Equal("SET IDENTITY_INSERT [Products] OFF;", keys.AfterInsert("[Products]", "Id"));
        Assert.Null(keys.AfterLoad("[Products]", "Id"));
    }
}
