using System.Data.Common;
using System.Text;
using Microsoft.Data.SqlClient;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace WebApp.Tests.Infrastructure;

/// <summary>
/// A database of its own for one test app: a SQLite file in a temporary folder, or, when the environment variable
/// WEBAPP_TEST_POSTGRES (or WEBAPP_TEST_SQLSERVER) holds a server's connection string, a fresh database on that server
/// (./test.sh runs the suite both ways). Created empty by the first migration; dropped on dispose.
/// </summary>
public sealed class TestDatabase : IDisposable
{
    private static readonly string? PostgresServer = Environment.GetEnvironmentVariable("WEBAPP_TEST_POSTGRES") is { Length: > 0 } pg ? pg : null;
    private static readonly string? SqlServerServer = Environment.GetEnvironmentVariable("WEBAPP_TEST_SQLSERVER") is { Length: > 0 } ss ? ss : null;

    /// <summary>The engine this test run uses: the value of Database:Provider.</summary>
    public static string Provider { get; } = PostgresServer is not null ? "Postgres" : SqlServerServer is not null ? "SqlServer" : "Sqlite";

    private readonly string _folder = Directory.CreateTempSubdirectory("webapp-db-").FullName;
    private readonly string _name = $"webapp_test_{Guid.NewGuid():N}";

    public string ConnectionString { get; }

    /// <summary>The SQLite file (only on SQLite).</summary>
    public string SqlitePath => Path.Combine(_folder, "webapp.db");

    public TestDatabase()
    {
        ConnectionString = Provider switch
        {
            "Postgres" => new NpgsqlConnectionStringBuilder(PostgresServer) { Database = _name }.ConnectionString,
            "SqlServer" => new SqlConnectionStringBuilder(SqlServerServer) { InitialCatalog = _name, TrustServerCertificate = true }.ConnectionString,
            _ => $"Data Source={SqlitePath}",
        };
    }

    /// <summary>
    /// <paramref name="value"/> as every engine stores it: PostgreSQL keeps microseconds, not .NET's 100 ns ticks, so a
    /// time a test writes and reads back must not be finer.
    /// </summary>
    public static DateTime Storable(DateTime value) => value.AddTicks(-(value.Ticks % 10));

    /// <summary>The app's configuration for this database.</summary>
    public IDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["Database:Provider"] = Provider,
        ["ConnectionStrings:Default"] = ConnectionString,
    };

    /// <summary>The same as environment variables, for an app started as a process.</summary>
    public IDictionary<string, string?> EnvironmentVariables =>
        Settings.ToDictionary(s => s.Key.Replace(":", "__", StringComparison.Ordinal), s => s.Value);

    /// <summary>Runs one SQL query outside the app and returns its single value.</summary>
    public async Task<object?> ScalarAsync(string sql)
    {
        await using var connection = Open();
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return await command.ExecuteScalarAsync();
    }

    /// <summary>
    /// Whether <paramref name="text"/> is stored anywhere: in the SQLite file's bytes (and its write-ahead log), or in
    /// any row of any table on a server.
    /// </summary>
    public async Task<bool> ContainsTextAsync(string text)
    {
        if (Provider == "Sqlite")
        {
            SqliteConnection.ClearAllPools();
            var needle = Encoding.UTF8.GetBytes(text);
            foreach (var path in new[] { SqlitePath, SqlitePath + "-wal" }.Where(File.Exists))
            {
                await using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
                using var memory = new MemoryStream();
                await stream.CopyToAsync(memory);
                if (memory.ToArray().AsSpan().IndexOf(needle) >= 0) return true;
            }
            return false;
        }
        if (Provider != "Postgres") throw new NotSupportedException($"Searching every table is written for SQLite and PostgreSQL, not {Provider}.");
        await using var connection = Open();
        await connection.OpenAsync();
        var tables = new List<string>();
        await using (var list = connection.CreateCommand())
        {
            list.CommandText = "SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE'";
            await using var reader = await list.ExecuteReaderAsync();
            while (await reader.ReadAsync()) tables.Add(reader.GetString(0));
        }
        foreach (var table in tables)
        {
            await using var search = connection.CreateCommand();
            // A row cast to text is all its columns; bytea columns show as hex, so the hex form is searched too.
            search.CommandText = $"SELECT EXISTS (SELECT 1 FROM \"{table}\" t WHERE strpos(t::text, @text) > 0 OR strpos(t::text, @hex) > 0)";
            search.Parameters.Add(new NpgsqlParameter("text", text));
            search.Parameters.Add(new NpgsqlParameter("hex", Convert.ToHexStringLower(Encoding.UTF8.GetBytes(text))));
            if ((bool)(await search.ExecuteScalarAsync())!) return true;
        }
        return false;
    }

    private DbConnection Open() => Provider switch
    {
        "Postgres" => new NpgsqlConnection(ConnectionString),
        "SqlServer" => new SqlConnection(ConnectionString),
        _ => new SqliteConnection(ConnectionString),
    };

    public void Dispose()
    {
        switch (Provider)
        {
            case "Postgres":
                using (var pooled = new NpgsqlConnection(ConnectionString)) NpgsqlConnection.ClearPool(pooled);
                ExecuteOnServer(new NpgsqlConnection(PostgresServer), $"DROP DATABASE IF EXISTS \"{_name}\" WITH (FORCE)");
                break;
            case "SqlServer":
                using (var pooled = new SqlConnection(ConnectionString)) SqlConnection.ClearPool(pooled);
                ExecuteOnServer(new SqlConnection(SqlServerServer), $"IF DB_ID('{_name}') IS NOT NULL BEGIN ALTER DATABASE [{_name}] SET SINGLE_USER WITH ROLLBACK IMMEDIATE; DROP DATABASE [{_name}]; END");
                break;
            default:
                SqliteConnection.ClearAllPools();
                break;
        }
        try { Directory.Delete(_folder, recursive: true); } catch (IOException) { }
    }

    private static void ExecuteOnServer(DbConnection connection, string sql)
    {
        using (connection)
        {
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = sql;
            command.ExecuteNonQuery();
        }
    }
}
