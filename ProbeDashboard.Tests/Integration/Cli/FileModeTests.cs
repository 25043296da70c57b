using ProbeDashboard.Tests.Support;

namespace ProbeDashboard.Tests.Integration.Cli;

/// <summary>What the server and its commands write is the service user's alone: directories 0700, files 0600.</summary>
public class FileModeTests
{
    private const UnixFileMode OwnerReadWrite = UnixFileMode.UserRead | UnixFileMode.UserWrite;
    private const UnixFileMode OwnerOnlyDirectory = OwnerReadWrite | UnixFileMode.UserExecute;

    [Fact]
    public async Task A_loose_data_directory_is_tightened_and_database_wal_shm_log_and_backup_are_0600()
    {
        using var temp = new TempDirectory();
        // As an older version or a hand-made folder leaves it: world-readable, with a world-readable file inside.
        var data = Path.Combine(temp.Path, "data");
        Directory.CreateDirectory(data);
        File.SetUnixFileMode(data, OwnerOnlyDirectory | UnixFileMode.GroupRead | UnixFileMode.GroupExecute | UnixFileMode.OtherRead | UnixFileMode.OtherExecute);
        var old = Path.Combine(data, "notes.txt");
        await File.WriteAllTextAsync(old, "left by hand");
        File.SetUnixFileMode(old, OwnerReadWrite | UnixFileMode.GroupRead | UnixFileMode.OtherRead);
        var log = Path.Combine(temp.Path, "logs", "server.log");

        await using (var server = AppProcess.Start(["serve", .. AppProcess.AnyLocalPort, "--data-dir", data,
                         "--Auth:AdminPassword=file-mode-admin-password", $"--Logging:File:Path={log}"]))
        {
            await Eventually.TrueAsync(() => server.HasExited || server.Output.Any(l => l.Contains("Now listening on")), "the server to listen", 60_000);
            Assert.False(server.HasExited, server.OutputText);
            Assert.Contains(server.Output, l => l.Contains("tightened to owner-only"));

            var backup = Path.Combine(temp.Path, "backups", "copy.db");
            await using var backupRun = AppProcess.Start(["backup", backup, "--data-dir", data]);
            Assert.True(await backupRun.WaitForExitAsync(TimeSpan.FromSeconds(60)) == 0, backupRun.OutputText);

            Assert.Equal(OwnerOnlyDirectory, File.GetUnixFileMode(data));
            Assert.Equal(OwnerReadWrite, File.GetUnixFileMode(old));
            foreach (var file in new[] { "probedashboard.db", "probedashboard.db-wal", "probedashboard.db-shm" })
                Assert.True(File.GetUnixFileMode(Path.Combine(data, file)) == OwnerReadWrite, $"{file}: {File.GetUnixFileMode(Path.Combine(data, file))}");
            Assert.Equal(OwnerReadWrite, File.GetUnixFileMode(backup));
            Assert.Equal(OwnerOnlyDirectory, File.GetUnixFileMode(Path.GetDirectoryName(backup)!));
            Assert.Equal(OwnerReadWrite, File.GetUnixFileMode(log));
        }
    }
}
