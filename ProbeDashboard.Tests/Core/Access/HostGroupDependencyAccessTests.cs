using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ProbeDashboard.Core.Access;
using ProbeDashboard.Core.Audit;
using ProbeDashboard.Core.Auth;
using ProbeDashboard.Core.Hosts;
using ProbeDashboard.Core.Storage;
using ProbeDashboard.Tests.Api.StatusPages;
using ProbeDashboard.Tests.Support;

namespace ProbeDashboard.Tests.Core.Access;

/// <summary>
/// The access table of host groups' depends_on: operators and admins set it, viewers and nobody are refused and change
/// nothing. Each allowed command leaves exactly one audit entry.
/// </summary>
public class HostGroupDependencyAccessTests(StatusPageFactory app) : IClassFixture<StatusPageFactory>
{
    private delegate Task<HostGroupResult> Command(HostGroupService groups, ProbeDbContext db, Actor actor, HostGroup group, int monitorId);

    private static readonly Dictionary<string, (string Action, Command Run)> Commands = new()
    {
        ["create with depends_on"] = (AuditActions.HostGroupCreate, (groups, _, actor, _, monitorId) =>
            groups.CreateAsync(actor, $"dep-new-{Guid.NewGuid():N}", default, [monitorId])),
        ["update depends_on"] = (AuditActions.HostGroupSetDependsOn, (groups, _, actor, group, monitorId) =>
            groups.UpdateAsync(actor, group.Id, group.Name, [monitorId], default)),
        ["set depends_on in a caller's transaction"] = (AuditActions.HostGroupSetDependsOn, async (groups, db, actor, group, monitorId) =>
            await groups.SetDependsOnAsync(db, actor, await db.HostGroups.SingleAsync(g => g.Id == group.Id), [monitorId], default)),
    };

    public static IEnumerable<object[]> CommandCases() =>
        from name in Commands.Keys from role in TestActors.Roles() select new object[] { name, role[0], role[1] };

    [Theory]
    [MemberData(nameof(CommandCases))]
    public async Task Operators_and_admins_set_dependencies_with_one_audit_entry_others_are_refused_and_change_nothing(string command, string role, Actor actor)
    {
        var groups = app.Services.GetRequiredService<HostGroupService>();
        var monitor = await app.AddMonitorAsync();
        var group = (await groups.CreateAsync(Actor.System, $"dep-{Guid.NewGuid():N}", default)).Group!;
        var (action, run) = Commands[command];
        var lastEntry = await app.WithDbAsync(db => db.AuditLog.MaxAsync(e => (long?)e.Id)) ?? 0;
        var before = await SnapshotAsync();
        await using var db = await app.Services.GetRequiredService<IDbContextFactory<ProbeDbContext>>().CreateDbContextAsync();

        if (role is "viewer" or "nobody")
        {
            var refused = await Assert.ThrowsAsync<AccessDeniedException>(() => run(groups, db, actor, group, monitor.Id));
            Assert.Equal(Permissions.ServiceMonitorsWrite, refused.Permission);
            Assert.Equal(before, await SnapshotAsync());
            Assert.Equal(0, await app.WithDbAsync(d => d.AuditLog.CountAsync(e => e.Id > lastEntry)));
            return;
        }

        var result = await run(groups, db, actor, group, monitor.Id);
        Assert.Equal(HostGroupOutcome.Done, result.Outcome);
        Assert.Equal([monitor.Id], result.Group!.DependsOn);
        var entry = Assert.Single(await app.WithDbAsync(d => d.AuditLog.AsNoTracking().Where(e => e.Id > lastEntry).ToListAsync()));
        Assert.Equal((actor.Name, action), (entry.Actor, entry.Action));
        Assert.StartsWith($"host group #{result.Group.Id} ", entry.Target);
        Assert.Contains($"depends on monitors {monitor.Id}", entry.Detail);
    }

    [Fact]
    public async Task Saving_the_same_dependencies_again_writes_no_audit_entry()
    {
        var groups = app.Services.GetRequiredService<HostGroupService>();
        var monitor = await app.AddMonitorAsync();
        var group = (await groups.CreateAsync(Actor.System, $"dep-same-{Guid.NewGuid():N}", default, [monitor.Id])).Group!;
        var lastEntry = await app.WithDbAsync(db => db.AuditLog.MaxAsync(e => (long?)e.Id)) ?? 0;

        var saved = await groups.UpdateAsync(TestActors.Operator, group.Id, group.Name, [monitor.Id, monitor.Id], default);

        Assert.Equal(HostGroupOutcome.Done, saved.Outcome);
        Assert.Equal(0, await app.WithDbAsync(d => d.AuditLog.CountAsync(e => e.Id > lastEntry)));
    }

    private Task<string> SnapshotAsync() => app.WithDbAsync(async db =>
        string.Join("\n", (await db.HostGroups.AsNoTracking().OrderBy(g => g.Id).ToListAsync()).Select(g => $"{g.Id} {g.Name} {string.Join(",", g.DependsOn)}")));
}
