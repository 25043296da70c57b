using Microsoft.EntityFrameworkCore;
using ProbeDashboard.Core.Access;
using ProbeDashboard.Core.Alerts;
using ProbeDashboard.Core.Alerts.Engine;
using ProbeDashboard.Core.Audit;
using ProbeDashboard.Core.Events;
using ProbeDashboard.Core.Monitors;
using ProbeDashboard.Tests.Core.Results;
using ProbeDashboard.Tests.Support;

namespace ProbeDashboard.Tests.Core.Monitors;

/// <summary>
/// What the faster create path (#19) must keep: the new monitor's alert settings reach the alert engine with its create,
/// the monitor and its audit entry are stored together or not at all, and list columns still track in-place changes.
/// </summary>
public class MonitorCreatePathTests
{
    private static readonly MonitorInput Web = new() { Name = "web", Type = 1, Target = "http://127.0.0.1:9/health", Duration = 30, EnableAlert = true };

    [Fact]
    public async Task A_new_monitors_alert_settings_come_with_its_create_not_from_a_read_with_its_first_round()
    {
        await using var core = await PipelineServices.StartAsync(startWriter: false);
        using var alertProfiles = new MonitorAlertProfiles(core.Get<EventBus>());

        var created = await core.Get<MonitorService>().CreateAsync(Actor.System, Web, "api", CancellationToken.None);
        var id = created.Monitor!.Id;
        await using var db = core.CreateDbContext();
        // Gone from the database behind the service's back: only the copy the create handed over can answer now.
        await db.Monitors.Where(m => m.Id == id).ExecuteDeleteAsync();
        var profiles = await alertProfiles.GetAsync(db, [id], CancellationToken.None);

        var profile = Assert.Single(profiles.Values);
        Assert.Equal(("web", true), (profile.Name, profile.Enabled));
        Assert.Contains(profile.OwnCandidates, c => c.SourceKey == AlertSource.ForMonitorDown(id));
    }

    [Fact]
    public async Task An_edit_after_the_create_is_read_again_not_served_from_the_creates_copy()
    {
        await using var core = await PipelineServices.StartAsync(startWriter: false);
        using var alertProfiles = new MonitorAlertProfiles(core.Get<EventBus>());
        var service = core.Get<MonitorService>();
        var id = (await service.CreateAsync(Actor.System, Web, "api", CancellationToken.None)).Monitor!.Id;

        await service.UpdateAsync(Actor.System, id, Web with { Name = "web renamed", EnableAlert = false }, CancellationToken.None);
        await using var db = core.CreateDbContext();
        var profile = Assert.Single((await alertProfiles.GetAsync(db, [id], CancellationToken.None)).Values);

        Assert.Equal("web renamed", profile.Name);
        Assert.Empty(profile.OwnCandidates);
    }

    [Fact]
    public async Task A_create_is_stored_with_exactly_one_audit_entry_naming_its_id_and_a_rejected_one_with_neither()
    {
        await using var core = await PipelineServices.StartAsync(startWriter: false);
        var service = core.Get<MonitorService>();

        var rejected = await service.CreateAsync(Actor.System, Web with { Duration = 1 }, "api", CancellationToken.None);
        var created = await service.CreateAsync(Actor.System, Web, "api", CancellationToken.None);

        Assert.Null(rejected.Monitor);
        await using var db = core.CreateDbContext();
        Assert.Equal([created.Monitor!.Id], await db.Monitors.Select(m => m.Id).ToListAsync());
        var entry = Assert.Single(await db.AuditLog.Where(e => e.Action == AuditActions.MonitorCreate).ToListAsync());
        Assert.Equal($"monitor #{created.Monitor.Id} web", entry.Target);
    }

    [Fact]
    public async Task Parallel_creates_each_get_an_id_of_their_own_reserved_before_the_insert_and_an_entry_naming_it()
    {
        await using var core = await PipelineServices.StartAsync(startWriter: false);
        var service = core.Get<MonitorService>();

        var created = await Task.WhenAll(Enumerable.Range(0, 16).Select(i =>
            service.CreateAsync(Actor.System, Web with { Name = $"web{i}" }, "api", CancellationToken.None)));

        var ids = created.Select(c => c.Monitor!.Id).ToList();
        Assert.Equal(16, ids.Distinct().Count());
        await using var db = core.CreateDbContext();
        var stored = await db.Monitors.ToDictionaryAsync(m => m.Id, m => m.Name);
        Assert.Equal(ids.Order(), stored.Keys.Order());
        var targets = await db.AuditLog.Where(e => e.Action == AuditActions.MonitorCreate).Select(e => e.Target).ToListAsync();
        Assert.Equal(stored.Select(m => $"monitor #{m.Key} {m.Value}").Order(), targets.Order());
    }

    [Fact]
    public async Task Parallel_creates_committed_together_are_each_answered_and_one_the_database_refuses_fails_alone()
    {
        await using var core = await PipelineServices.StartAsync(startWriter: false);
        var service = core.Get<MonitorService>();
        // A fault we cannot cause otherwise: the database refuses the insert of the monitor named "refused".
        await ResultWriterTests.ExecuteAsync(core, TestDatabase.IsPostgres
            ? """
              CREATE FUNCTION refuse_monitor() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RAISE EXCEPTION 'refused'; END $$;
              CREATE TRIGGER refuse BEFORE INSERT ON "Monitors" FOR EACH ROW WHEN (NEW."Name" = 'refused') EXECUTE FUNCTION refuse_monitor();
              """
            : """CREATE TRIGGER refuse BEFORE INSERT ON "Monitors" WHEN NEW."Name" = 'refused' BEGIN SELECT RAISE(ABORT, 'refused'); END""");

        var creates = Enumerable.Range(0, 24).Select(i => service.CreateAsync(Actor.System, Web with { Name = i == 11 ? "refused" : $"web{i}" },
            "api", CancellationToken.None)).ToList();
        await Assert.ThrowsAnyAsync<DbUpdateException>(() => creates[11]);
        var created = await Task.WhenAll(creates.Where((_, i) => i != 11));

        await using var db = core.CreateDbContext();
        var stored = await db.Monitors.ToDictionaryAsync(m => m.Id, m => m.Name);
        Assert.Equal(created.Select(c => c.Monitor!.Id).Order(), stored.Keys.Order());
        Assert.DoesNotContain("refused", stored.Values);
        var targets = await db.AuditLog.Where(e => e.Action == AuditActions.MonitorCreate).Select(e => e.Target).ToListAsync();
        Assert.Equal(stored.Select(m => $"monitor #{m.Key} {m.Value}").Order(), targets.Order());
    }

    [Fact]
    public async Task A_deleted_monitors_id_is_never_given_to_a_new_one()
    {
        await using var core = await PipelineServices.StartAsync(startWriter: false);
        var service = core.Get<MonitorService>();
        var first = (await service.CreateAsync(Actor.System, Web, "api", CancellationToken.None)).Monitor!.Id;
        var last = (await service.CreateAsync(Actor.System, Web with { Name = "second" }, "api", CancellationToken.None)).Monitor!.Id;

        Assert.True(await service.DeleteAsync(Actor.System, last, CancellationToken.None));
        var next = (await service.CreateAsync(Actor.System, Web with { Name = "third" }, "api", CancellationToken.None)).Monitor!.Id;

        Assert.True(next > last, $"ids {first}, {last} (deleted), then {next}");
    }

    [Fact]
    public async Task Lists_changed_in_place_on_a_tracked_monitor_are_saved()
    {
        await using var core = await PipelineServices.StartAsync(startWriter: false);
        var id = (await core.Get<MonitorService>().CreateAsync(Actor.System, Web, "api", CancellationToken.None)).Monitor!.Id;

        await using (var db = core.CreateDbContext())
        {
            var monitor = await db.Monitors.SingleAsync(m => m.Id == id);
            // The same list instances, changed: only a snapshot that copied them can tell.
            monitor.SkipHostIds.Add(5);
            monitor.ExecuteOnHostIds.Add(6);
            monitor.TlsExpiryDays.Remove(7);
            monitor.DependsOn.Add(8);
            await db.SaveChangesAsync();
        }

        await using var check = core.CreateDbContext();
        var stored = await check.Monitors.AsNoTracking().SingleAsync(m => m.Id == id);
        Assert.Equal([5], stored.SkipHostIds);
        Assert.Equal([6], stored.ExecuteOnHostIds);
        Assert.Equal([21, 14], stored.TlsExpiryDays);
        Assert.Equal([8], stored.DependsOn);
    }
}
