using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ProbeDashboard.Core.Access;
using ProbeDashboard.Core.Monitors;
using ProbeDashboard.Core.Storage;
using ProbeDashboard.Tests.Support;

namespace ProbeDashboard.Tests.Integration.Storage;

/// <summary>
/// An operator outgrows SQLite: the move-to-postgres command copies a database that probed for a while into an empty
/// PostgreSQL database, and the server started on PostgreSQL finds everything and goes on numbering after it.
/// </summary>
public class MoveToPostgresTests(ThrowawayPostgres postgres) : IClassFixture<ThrowawayPostgres>
{
    private static readonly TimeSpan CommandTimeout = TimeSpan.FromMinutes(2);

    [Fact]
    public async Task A_probed_sqlite_database_moves_with_its_ids_and_the_server_goes_on_there()
    {
        using var cts = new CancellationTokenSource(TimeSpan.FromMinutes(4));
        using var data = new TempDirectory();
        var settings = new Dictionary<string, string> { ["Storage:DataDirectory"] = data.Path, ["Probing:MinIntervalSeconds"] = "1" };
        Counts before;
        await using (var sqlite = await LiveApp.StartAsync(settings, cts.Token))
        {
            var monitors = sqlite.Services.GetRequiredService<MonitorService>();
            for (var i = 0; i < 3; i++)
                Assert.NotNull((await monitors.CreateAsync(Actor.System, new MonitorInput
                {
                    Name = $"moved {i}", Type = (int)MonitorKind.Tcp, Target = "127.0.0.1:9", Duration = 2, Timeout = 1,
                }, "test", cts.Token)).Monitor);
            await Eventually.TrueAsync(async () => (await CountAsync(sqlite.Services, cts.Token)).Results >= 6, "results to move", 60_000);
            await using var running = AppProcess.Start(["move-to-postgres", "--to", await postgres.CreateDatabaseAsync(), "--data-dir", data.Path]);
            Assert.Equal(75, await running.WaitForExitAsync(CommandTimeout));
        }
        await using (var db = SqliteProbeDb.Open(new StorageOptions { DataDirectory = data.Path }))
            before = await CountAsync(db, cts.Token);

        var target = await postgres.CreateDatabaseAsync();
        await using (var move = AppProcess.Start(["move-to-postgres", "--to", target, "--data-dir", data.Path]))
        {
            Assert.Equal(0, await move.WaitForExitAsync(CommandTimeout));
            Assert.Contains($"Monitors: {before.Monitors:N0} rows", move.OutputText);
        }
        await using (var again = AppProcess.Start(["move-to-postgres", "--to", target, "--data-dir", data.Path]))
        {
            Assert.Equal(1, await again.WaitForExitAsync(CommandTimeout));
            Assert.Contains("not empty", again.OutputText);
        }

        using var pgData = new TempDirectory();
        await using var pg = await LiveApp.StartAsync(new Dictionary<string, string>
        {
            ["Storage:DataDirectory"] = pgData.Path, ["Storage:Provider"] = "PostgreSQL", ["Storage:ConnectionString"] = target,
        }, cts.Token);
        var after = await CountAsync(pg.Services, cts.Token);
        Assert.Equal(before.Monitors, after.Monitors);
        Assert.True(after.Results >= before.Results, $"{after.Results} results on PostgreSQL, {before.Results} moved");
        Assert.True(after.AuditEntries >= before.AuditEntries, $"{after.AuditEntries} audit entries on PostgreSQL, {before.AuditEntries} moved");
        var created = await pg.Services.GetRequiredService<MonitorService>().CreateAsync(Actor.System, new MonitorInput
        {
            Name = "after the move", Type = (int)MonitorKind.Tcp, Target = "127.0.0.1:9", Duration = 60,
        }, "test", cts.Token);
        Assert.True(created.Monitor!.Id > before.MaxMonitorId, $"new monitor id {created.Monitor.Id} after {before.MaxMonitorId}");
    }

    private sealed record Counts(int Monitors, int Results, int AuditEntries, int MaxMonitorId);

    private static async Task<Counts> CountAsync(IServiceProvider services, CancellationToken ct)
    {
        await using var db = await services.GetRequiredService<IDbContextFactory<ProbeDbContext>>().CreateDbContextAsync(ct);
        return await CountAsync(db, ct);
    }

    private static async Task<Counts> CountAsync(ProbeDbContext db, CancellationToken ct) => new(
        await db.Monitors.CountAsync(ct), await db.ProbeResults.CountAsync(ct), await db.AuditLog.CountAsync(ct),
        await db.Monitors.MaxAsync(m => (int?)m.Id, ct) ?? 0);
}
