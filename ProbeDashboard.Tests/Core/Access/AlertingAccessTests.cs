using System.Text;
using Microsoft.EntityFrameworkCore;
using ProbeDashboard.Core.Access;
using ProbeDashboard.Core.Audit;
using ProbeDashboard.Core.Auth;
using ProbeDashboard.Core.Storage;
using ProbeDashboard.Tests.Support;

namespace ProbeDashboard.Tests.Core.Access;

/// <summary>
/// Every command and query of the alerting services (alert rules, alert events, notification groups, the audit log
/// reader) as every role: viewers read, operators also write rules, groups and events, admins do everything, an
/// actor without permissions nothing. An allowed write leaves exactly one audit entry naming actor, action and
/// target; a refusal leaves none and changes nothing.
/// </summary>
public class AlertingAccessTests(AlertTestFactory app) : IClassFixture<AlertTestFactory>
{
    public static IEnumerable<object[]> Cases() =>
        from command in AlertingCommand.All
        from role in TestActors.Roles()
        select new object[] { command.Name, role[0], role[1] };

    /// <summary>The table of the issue, written out rather than derived from the permissions under test.</summary>
    private static bool Allowed(AlertingCommand command, string role) => role switch
    {
        "admin" => true,
        "operator" => command.Permission != Permissions.Admin,
        "viewer" => command.AuditAction is null && command.Permission != Permissions.Admin,
        _ => false,
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Each_role_may_do_what_its_permissions_say_and_every_allowed_write_is_audited_once(string commandName, string role, Actor actor)
    {
        var command = AlertingCommand.All.Single(c => c.Name == commandName);
        var run = await command.Prepare(app);
        await app.Feed.EngineIdleAsync();
        var lastEntry = await LastAuditIdAsync();
        var before = await SnapshotAsync();

        if (!Allowed(command, role))
        {
            var refused = await Assert.ThrowsAsync<AccessDeniedException>(() => run(actor));
            Assert.Equal(command.Permission, refused.Permission);
            await app.Feed.EngineIdleAsync();
            Assert.Empty(await EntriesAfterAsync(lastEntry));
            Assert.Equal(before, await SnapshotAsync());
            return;
        }

        var target = await run(actor);
        var entries = await EntriesAfterAsync(lastEntry);
        if (command.AuditAction is null)
        {
            Assert.Empty(entries);
            return;
        }
        var entry = Assert.Single(entries);
        Assert.Equal((actor.Name, command.AuditAction), (entry.Actor, entry.Action));
        Assert.StartsWith(target!, entry.Target);
    }

    private Task<long> LastAuditIdAsync() =>
        app.WithDbAsync(db => db.AuditLog.MaxAsync(e => (long?)e.Id)).ContinueWith(t => t.Result ?? 0);

    private Task<List<AuditEntry>> EntriesAfterAsync(long id) =>
        app.WithDbAsync(db => db.AuditLog.AsNoTracking().Where(e => e.Id > id).ToListAsync());

    /// <summary>Everything the alerting commands could change, as text.</summary>
    private Task<string> SnapshotAsync() => app.WithDbAsync(async (ProbeDbContext db) =>
    {
        var text = new StringBuilder();
        foreach (var r in await db.AlertRules.AsNoTracking().OrderBy(r => r.Id).ToListAsync())
            text.AppendLine($"rule {r.Id} {r.Name} {r.Enabled} {r.Condition} {r.UpdatedAt:O}");
        foreach (var g in await db.NotificationGroups.AsNoTracking().Include(g => g.Recipients).OrderBy(g => g.Id).ToListAsync())
            text.AppendLine($"group {g.Id} {g.Name} {g.IsDefault} {g.UpdatedAt:O} {string.Join(",", g.Recipients.Select(r => r.Address).Order())}");
        foreach (var e in await db.AlertEvents.AsNoTracking().OrderBy(e => e.Id).ToListAsync())
            text.AppendLine($"event {e.Id} {e.Status} {e.Acknowledged} {e.AckUserName} {e.SilenceUntil:O} {e.UpdatedAt:O}");
        text.AppendLine($"outbox {await db.NotificationOutbox.CountAsync()}");
        return text.ToString();
    });
}
