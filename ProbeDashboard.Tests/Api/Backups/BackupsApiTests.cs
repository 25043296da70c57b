using System.Net;
using System.Text.RegularExpressions;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using ProbeDashboard.Core.Access;
using ProbeDashboard.Core.Audit;
using ProbeDashboard.Core.Auth;
using ProbeDashboard.Core.Backups;
using ProbeDashboard.Core.Storage;
using ProbeDashboard.Tests.Support;

namespace ProbeDashboard.Tests.Api.Backups;

/// <summary>A server that keeps two backups, on a clock the test moves (backups are named by their time).</summary>
public sealed class BackupsFactory : DashboardFactory
{
    public BackupsFactory()
    {
        Settings["Backups:Kept"] = "2";
        Time = Clock;
    }

    public ManualTimeProvider Clock { get; } = new();
}

/// <summary>/api/v1/backups: "back up now" on the SQLite file, the newest kept, downloads for admins only.</summary>
[Trait("Category", "SqliteOnly")]
public class BackupsApiTests(BackupsFactory factory) : IClassFixture<BackupsFactory>
{
    [Fact]
    public async Task An_admin_backs_up_and_downloads_a_database_that_holds_the_data_and_the_backup_is_audited()
    {
        using var admin = await factory.CreateAdminClientAsync();
        using var created = await admin.PostAsync("/api/v1/service-monitors", ApiJson.Content(new { name = "kept in the backup", type = 2, target = "127.0.0.1:9", duration = 60 }));
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        factory.Clock.Advance(TimeSpan.FromSeconds(1));

        using var made = await admin.PostAsync("/api/v1/backups", null);

        Assert.Equal(HttpStatusCode.Created, made.StatusCode);
        var backup = (await made.JsonAsync()).GetProperty("data");
        var name = backup.GetProperty("name").GetString()!;
        Assert.Matches(new Regex(@"^probedashboard-\d{8}-\d{6}\.db$"), name);
        var listed = (await (await admin.GetAsync("/api/v1/backups")).JsonAsync()).GetProperty("data").EnumerateArray().ToList();
        Assert.Contains(listed, b => b.GetProperty("name").GetString() == name && b.GetProperty("bytes").GetInt64() == backup.GetProperty("bytes").GetInt64());

        using var download = await admin.GetAsync($"/api/v1/backups/{name}");
        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        Assert.Equal("application/vnd.sqlite3", download.Content.Headers.ContentType?.MediaType);
        using var copy = new TempDirectory();
        var file = Path.Combine(copy.Path, "copy.db");
        await File.WriteAllBytesAsync(file, await download.Content.ReadAsByteArrayAsync());
        Assert.Equal(backup.GetProperty("bytes").GetInt64(), new FileInfo(file).Length);
        Assert.Contains("kept in the backup", await MonitorNamesAsync(file));

        var entry = await factory.WithDbAsync(db => db.AuditLog.Where(e => e.Action == AuditActions.DatabaseBackup).OrderBy(e => e.Id).LastAsync());
        Assert.Equal((DashboardFactory.AdminUser, name), (entry.Actor, entry.Target));
    }

    [Fact]
    public async Task Only_the_newest_kept_backups_remain_on_disk()
    {
        using var admin = await factory.CreateAdminClientAsync();
        var names = new List<string>();
        for (var i = 0; i < 3; i++)
        {
            factory.Clock.Advance(TimeSpan.FromMinutes(1));
            using var made = await admin.PostAsync("/api/v1/backups", null);
            names.Add((await made.JsonAsync()).GetProperty("data").GetProperty("name").GetString()!);
        }

        var listed = (await (await admin.GetAsync("/api/v1/backups")).JsonAsync()).GetProperty("data").EnumerateArray().Select(b => b.GetProperty("name").GetString()).ToList();

        Assert.Equal([names[2], names[1]], listed);
        Assert.Equal(2, Directory.GetFiles(Path.Combine(factory.DataDirectory, "backups")).Length);
        Assert.Equal(HttpStatusCode.NotFound, (await admin.GetAsync($"/api/v1/backups/{names[0]}")).StatusCode);
    }

    [Theory]
    [InlineData("nope.db")]
    [InlineData("probedashboard.db")]
    [InlineData("..%2Fprobedashboard.db")]
    [InlineData("probedashboard-20261206-000000.db")]
    public async Task A_name_that_is_not_a_backup_is_a_404_in_the_envelope(string name)
    {
        using var admin = await factory.CreateAdminClientAsync();

        using var response = await admin.GetAsync($"/api/v1/backups/{name}");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal(404, (await response.JsonAsync()).GetProperty("code").GetInt32());
    }

    [Theory]
    [InlineData("GET", "/api/v1/backups")]
    [InlineData("POST", "/api/v1/backups")]
    [InlineData("GET", "/api/v1/backups/probedashboard-20261206-000000.db")]
    public async Task Backups_answer_401_to_the_anonymous_and_403_to_operators(string method, string path)
    {
        using var anonymous = factory.CreateClient();
        using var operatorClient = await factory.CreateClientAsync(UserRole.Operator);
        var audited = await factory.WithDbAsync(db => db.AuditLog.CountAsync(e => e.Action == AuditActions.DatabaseBackup));

        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.SendAsync(new HttpRequestMessage(new HttpMethod(method), path))).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await operatorClient.SendAsync(new HttpRequestMessage(new HttpMethod(method), path))).StatusCode);
        Assert.Equal(audited, await factory.WithDbAsync(db => db.AuditLog.CountAsync(e => e.Action == AuditActions.DatabaseBackup)));
    }

    [Fact]
    public async Task The_dashboards_download_link_serves_nothing_without_a_sign_in()
    {
        using var admin = await factory.CreateAdminClientAsync();
        factory.Clock.Advance(TimeSpan.FromHours(1));
        var name = (await (await admin.PostAsync("/api/v1/backups", null)).JsonAsync()).GetProperty("data").GetProperty("name").GetString();
        using var anonymous = factory.CreateClient(new() { AllowAutoRedirect = false });

        using var response = await anonymous.GetAsync($"/backups/{name}");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.NotEqual("application/vnd.sqlite3", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task On_postgresql_back_up_now_is_refused_and_says_to_use_pg_dump()
    {
        var storage = Options.Create(new StorageOptions { Provider = StorageProvider.PostgreSQL, DataDirectory = factory.DataDirectory });
        // Refused before the database is touched: the factory and audit log are never reached.
        var service = new BackupService(storage, Options.Create(new BackupOptions()), null!, null!, TimeProvider.System);

        var refused = await Assert.ThrowsAsync<BackupRefusedException>(() => service.CreateAsync(Actor.System, CancellationToken.None));

        Assert.False(service.Available);
        Assert.Contains("pg_dump", refused.Message);
    }

    private static async Task<List<string>> MonitorNamesAsync(string file)
    {
        await using var connection = new SqliteConnection($"Data Source={file};Mode=ReadOnly;Pooling=False");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT Name FROM Monitors";
        var names = new List<string>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync()) names.Add(reader.GetString(0));
        return names;
    }
}
