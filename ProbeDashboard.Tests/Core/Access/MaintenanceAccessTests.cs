using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ProbeDashboard.Core.Access;
using ProbeDashboard.Core.Audit;
using ProbeDashboard.Core.Auth;
using ProbeDashboard.Core.Maintenance;
using ProbeDashboard.Core.Storage;
using ProbeDashboard.Tests.Api.StatusPages;
using ProbeDashboard.Tests.Support;

namespace ProbeDashboard.Tests.Core.Access;

/// <summary>
/// The access table of maintenance windows: viewers read, operators and admins also write, an actor without
/// permissions does neither. Each allowed write leaves exactly one audit entry; a refusal leaves none and changes nothing.
/// </summary>
public class MaintenanceAccessTests(StatusPageFactory app) : IClassFixture<StatusPageFactory>
{
    private delegate Task<int?> Command(MaintenanceWindowService windows, ProbeDbContext db, Actor actor, int windowId, int monitorId);

    private static MaintenanceWindowInput Input(int monitorId, string title = "T") =>
        new(title, null, [monitorId], null, "cron", null, null, "0 3 * * 0", null, null, 60, "UTC", null, null, true);

    private static readonly Dictionary<string, (string Action, Command Run)> Commands = new()
    {
        ["create"] = (AuditActions.MaintenanceWindowCreate, async (windows, _, actor, _, monitorId) => (await windows.CreateAsync(actor, Input(monitorId), default)).Window?.Id),
        ["update"] = (AuditActions.MaintenanceWindowUpdate, async (windows, _, actor, id, monitorId) => (await windows.UpdateAsync(actor, id, Input(monitorId, "renamed"), default)).Window?.Id),
        ["delete"] = (AuditActions.MaintenanceWindowDelete, async (windows, _, actor, id, _) => (await windows.DeleteAsync(actor, id, default)).Outcome == MaintenanceOutcome.Done ? id : null),
        ["create in a caller's transaction"] = (AuditActions.MaintenanceWindowCreate, async (windows, db, actor, _, monitorId) =>
            (await windows.SaveAsync(db, actor, null, Input(monitorId), default)).Window?.Id),
    };

    private static readonly Dictionary<string, Func<MaintenanceWindowService, Actor, int, Task>> Queries = new()
    {
        ["list"] = (windows, actor, _) => windows.ListAsync(actor, default),
        ["get"] = (windows, actor, id) => windows.GetAsync(actor, id, default),
    };

    public static IEnumerable<object[]> CommandCases() =>
        from name in Commands.Keys from role in TestActors.Roles() select new object[] { name, role[0], role[1] };

    public static IEnumerable<object[]> QueryCases() =>
        from name in Queries.Keys from role in TestActors.Roles() select new object[] { name, role[0], role[1] };

    [Theory]
    [MemberData(nameof(CommandCases))]
    public async Task Operators_and_admins_write_windows_with_one_audit_entry_others_are_refused_and_change_nothing(string command, string role, Actor actor)
    {
        var windows = app.Services.GetRequiredService<MaintenanceWindowService>();
        var monitor = await app.AddMonitorAsync();
        var window = (await windows.CreateAsync(Actor.System, Input(monitor.Id), default)).Window!;
        var (action, run) = Commands[command];
        var lastEntry = await app.WithDbAsync(db => db.AuditLog.MaxAsync(e => (long?)e.Id)) ?? 0;
        var before = await SnapshotAsync();
        await using var db = await app.Services.GetRequiredService<IDbContextFactory<ProbeDbContext>>().CreateDbContextAsync();

        if (role is "viewer" or "nobody")
        {
            var refused = await Assert.ThrowsAsync<AccessDeniedException>(() => run(windows, db, actor, window.Id, monitor.Id));
            Assert.Equal(Permissions.ServiceMonitorsWrite, refused.Permission);
            Assert.Equal(before, await SnapshotAsync());
            Assert.Equal(0, await app.WithDbAsync(d => d.AuditLog.CountAsync(e => e.Id > lastEntry)));
            return;
        }

        var target = await run(windows, db, actor, window.Id, monitor.Id);
        Assert.NotNull(target);
        var entry = Assert.Single(await app.WithDbAsync(d => d.AuditLog.AsNoTracking().Where(e => e.Id > lastEntry).ToListAsync()));
        Assert.Equal((actor.Name, action), (entry.Actor, entry.Action));
        Assert.StartsWith($"maintenance window #{target} ", entry.Target);
    }

    [Theory]
    [MemberData(nameof(QueryCases))]
    public async Task Every_role_but_nobody_reads_windows(string query, string role, Actor actor)
    {
        var windows = app.Services.GetRequiredService<MaintenanceWindowService>();
        var monitor = await app.AddMonitorAsync();
        var window = (await windows.CreateAsync(Actor.System, Input(monitor.Id), default)).Window!;
        if (role == "nobody")
        {
            var refused = await Assert.ThrowsAsync<AccessDeniedException>(() => Queries[query](windows, actor, window.Id));
            Assert.Equal(Permissions.ServiceMonitorsRead, refused.Permission);
            return;
        }
        await Queries[query](windows, actor, window.Id);
    }

    [Fact]
    public async Task Saving_a_window_unchanged_writes_no_audit_entry()
    {
        var windows = app.Services.GetRequiredService<MaintenanceWindowService>();
        var monitor = await app.AddMonitorAsync();
        var window = (await windows.CreateAsync(Actor.System, Input(monitor.Id), default)).Window!;
        var lastEntry = await app.WithDbAsync(db => db.AuditLog.MaxAsync(e => (long?)e.Id)) ?? 0;

        var saved = await windows.UpdateAsync(TestActors.Operator, window.Id, Input(monitor.Id), default);

        Assert.False(saved.Changed);
        Assert.Equal(0, await app.WithDbAsync(d => d.AuditLog.CountAsync(e => e.Id > lastEntry)));
    }

    private Task<string> SnapshotAsync() => app.WithDbAsync(async db =>
        string.Join("\n", await db.MaintenanceWindows.AsNoTracking().OrderBy(w => w.Id).Select(w => $"{w.Id} {w.Title} {w.UpdatedAt}").ToListAsync()));
}
