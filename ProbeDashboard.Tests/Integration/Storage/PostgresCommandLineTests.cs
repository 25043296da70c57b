using ProbeDashboard.Tests.Support;

namespace ProbeDashboard.Tests.Integration.Storage;

/// <summary>The SQLite file commands refuse, and say what to use, when the server stores into PostgreSQL.</summary>
public class PostgresCommandLineTests
{
    [Theory]
    [InlineData("backup")]
    [InlineData("restore")]
    public async Task File_backup_and_restore_refuse_on_postgresql_and_name_pg_dump(string command)
    {
        using var temp = new TempDirectory();
        var environment = new Dictionary<string, string>
        {
            ["Storage__Provider"] = "PostgreSQL",
            ["Storage__ConnectionString"] = "Host=127.0.0.1;Port=1;Database=unused",
        };

        await using var run = AppProcess.Start([command, Path.Combine(temp.Path, "copy.db"), "--data-dir", Path.Combine(temp.Path, "data")], environment);

        Assert.Equal(78, await run.WaitForExitAsync(TimeSpan.FromSeconds(60)));
        Assert.Contains("pg_dump", run.OutputText);
        Assert.False(File.Exists(Path.Combine(temp.Path, "copy.db")));
    }
}
