using System.Data.Common;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using ProbeDashboard.Tests.Support;

namespace ProbeDashboard.Tests.Core.Storage;

/// <summary>
/// The connection pragmas are set once per SQLite handle, and the pool hands that handle out again: every open must
/// still have them. Without foreign keys a deleted monitor would leave its results behind; without the busy timeout a
/// second writer would fail at once; without synchronous=FULL a committed batch could be lost with the power.
/// </summary>
[Trait("Category", "SqliteOnly")]
public class SqlitePragmaTests
{
    [Fact]
    public async Task Every_open_of_a_pooled_connection_has_the_pragmas_though_they_are_set_once_per_handle()
    {
        await using var pipeline = await PipelineServices.StartAsync(startWriter: false);
        var handles = new List<object>();
        for (var open = 0; open < 3; open++)
        {
            await using var db = pipeline.CreateDbContext();
            await db.Database.OpenConnectionAsync();
            var connection = (SqliteConnection)db.Database.GetDbConnection();
            handles.Add(connection.Handle!);

            Assert.Equal("wal", await ScalarAsync(connection, "PRAGMA journal_mode"));
            Assert.Equal(2L, await ScalarAsync(connection, "PRAGMA synchronous"));
            Assert.Equal(10000L, await ScalarAsync(connection, "PRAGMA busy_timeout"));
            Assert.Equal(1L, await ScalarAsync(connection, "PRAGMA foreign_keys"));
        }
        // The case that matters: the pool gave back a handle that was set up at an earlier open.
        Assert.True(handles.Distinct().Count() < handles.Count, "the pool never reused a handle");
    }

    private static async Task<object?> ScalarAsync(DbConnection connection, string sql)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return await command.ExecuteScalarAsync();
    }
}
