using System.Security.Cryptography;
using System.Text;
using Npgsql;

namespace ProbeDashboard.Tests.Support;

/// <summary>
/// The database a test host stores into: the SQLite file in its data directory (the default), or, when
/// <c>PROBEDASHBOARD_TEST_POSTGRES</c> names a PostgreSQL server (test.sh's PostgreSQL pass), a database of its own on
/// that server. The database is named after the data directory, so a host restarted on the same directory finds
/// its data, as it would find the SQLite file.
/// </summary>
public static class TestDatabase
{
    public const string ServerVariable = "PROBEDASHBOARD_TEST_POSTGRES";

    public static string? PostgresServer => Environment.GetEnvironmentVariable(ServerVariable) is { Length: > 0 } value ? value : null;

    public static bool IsPostgres => PostgresServer is not null;

    /// <summary>Adds the storage settings for <paramref name="dataDirectory"/>; nothing for SQLite.</summary>
    public static void AddSettings(IDictionary<string, string?> settings, string dataDirectory)
    {
        if (PostgresServer is not { } server) return;
        settings["Storage:Provider"] = "PostgreSQL";
        settings["Storage:ConnectionString"] = Ensure(server, dataDirectory);
    }

    /// <summary>Drops the PostgreSQL database of <paramref name="dataDirectory"/>, if this pass uses one.</summary>
    public static void Drop(string dataDirectory)
    {
        if (PostgresServer is not { } server) return;
        using var connection = new NpgsqlConnection(server);
        connection.Open();
        using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS {NameOf(dataDirectory)} WITH (FORCE)", connection);
        drop.ExecuteNonQuery();
    }

    private static string Ensure(string server, string dataDirectory)
    {
        var name = NameOf(dataDirectory);
        using (var connection = new NpgsqlConnection(server))
        {
            connection.Open();
            using var exists = new NpgsqlCommand("SELECT 1 FROM pg_database WHERE datname = @name", connection);
            exists.Parameters.AddWithValue("name", name);
            if (exists.ExecuteScalar() is null)
            {
                using var create = new NpgsqlCommand($"CREATE DATABASE {name}", connection);
                create.ExecuteNonQuery();
            }
        }
        return new NpgsqlConnectionStringBuilder(server) { Database = name }.ConnectionString;
    }

    private static string NameOf(string dataDirectory) =>
        "pd_" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(Path.GetFullPath(dataDirectory))))[..24];
}
