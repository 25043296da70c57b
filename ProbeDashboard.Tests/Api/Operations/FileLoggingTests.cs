using System.Text.Json;
using ProbeDashboard.Operations.Logging;
using ProbeDashboard.Tests.Support;

namespace ProbeDashboard.Tests.Api.Operations;

/// <summary>The optional log file: JSON lines with named properties, rolled by size, no secrets.</summary>
public class FileLoggingTests
{
    [Fact]
    public async Task The_server_writes_json_lines_with_named_properties_and_never_the_admin_password()
    {
        using var logs = new TempDirectory();
        var file = Path.Combine(logs.Path, "probedashboard.log");
        await using (var factory = new DashboardFactory())
        {
            factory.Settings["Logging:File:Path"] = file;
            factory.Settings["Logging:File:LogLevel:Default"] = "Information";
            await factory.RequestTokenAsync(DashboardFactory.AdminUser, DashboardFactory.AdminPassword);
        }

        var lines = await File.ReadAllLinesAsync(file);
        var entries = lines.Select(l => JsonDocument.Parse(l).RootElement).ToList();
        var created = Assert.Single(entries, e => e.GetProperty("Message").GetString() == "Created admin user admin");
        Assert.Equal("Information", created.GetProperty("LogLevel").GetString());
        Assert.Equal("admin", created.GetProperty("State").GetProperty("UserName").GetString());
        Assert.DoesNotContain(lines, l => l.Contains(DashboardFactory.AdminPassword, StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_full_file_rolls_over_and_only_the_newest_rolled_files_are_kept()
    {
        using var logs = new TempDirectory();
        var file = Path.Combine(logs.Path, "app.log");
        await using (var writer = new RollingFileWriter(new FileLogOptions { Path = file, MaxFileSizeBytes = 1000, MaxRolledFiles = 2 }))
            for (var i = 0; i < 100; i++) writer.Enqueue($"line {i:D3} " + new string('x', 90));

        Assert.Equal(["app.log", "app.log.1", "app.log.2"], Directory.GetFiles(logs.Path).Select(Path.GetFileName).Order(StringComparer.Ordinal));
        Assert.All(Directory.GetFiles(logs.Path), f => Assert.True(new FileInfo(f).Length <= 1000));
        Assert.EndsWith("line 099 " + new string('x', 90), (await File.ReadAllLinesAsync(file)).Last());
    }
}
