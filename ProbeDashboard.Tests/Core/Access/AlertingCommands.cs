using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ProbeDashboard.Core.Access;
using ProbeDashboard.Core.Alerts;
using ProbeDashboard.Core.Audit;
using ProbeDashboard.Core.Auth;
using ProbeDashboard.Core.Notifications;
using ProbeDashboard.Core.Storage;
using ProbeDashboard.Tests.Support;

namespace ProbeDashboard.Tests.Core.Access;

/// <summary>
/// One command or query of the alerting services. <see cref="Prepare"/> makes what it acts on (as the system), and
/// returns the call to make as the actor under test; a write's call returns the target its audit entry must name.
/// </summary>
/// <param name="AuditAction">The entry an allowed call leaves, or null for a query (which leaves none).</param>
public sealed record AlertingCommand(string Name, string Permission, string? AuditAction, Func<AlertTestFactory, Task<Func<Actor, Task<string?>>>> Prepare)
{
    public override string ToString() => Name;

    private static readonly CancellationToken None = CancellationToken.None;
    private static int _serial;

    private static string Unique(string prefix) => $"{prefix}-{Interlocked.Increment(ref _serial)}";

    private static T Service<T>(AlertTestFactory app) where T : notnull => app.Services.GetRequiredService<T>();

    private static AlertRuleInput RuleInput(string name, string condition = "latency > 2") =>
        new(name, true, "service_probe", null, condition, 0, null, "warning", 0, null);

    private static NotificationGroupInput GroupInput(string name) => new(name, ["ops@example.test"], [], null);

    private static async Task<AlertRule> RuleAsync(AlertTestFactory app) =>
        (await Service<AlertRuleService>(app).CreateAsync(Actor.System, RuleInput(Unique("rule")), None)).Rule!;

    private static async Task<NotificationGroup> GroupAsync(AlertTestFactory app) =>
        (await Service<NotificationGroupService>(app).CreateAsync(Actor.System, GroupInput(Unique("group")), None)).Group!;

    private static async Task<AlertEvent> FiringAsync(AlertTestFactory app)
    {
        var monitor = await app.Feed.AddMonitorAsync(Unique("monitor"), m => { m.EnableAlert = true; m.FailThreshold = 1; });
        await app.Feed.CommitRoundsAsync(monitor.Id, false);
        return await app.Feed.EventAsync(e => e.TargetId == monitor.Id && e.Status == AlertEventStatus.Firing, "an event to act on");
    }

    private static Func<Actor, Task<string?>> Query(Func<Actor, Task> read) => async actor => { await read(actor); return null; };

    public static readonly IReadOnlyList<AlertingCommand> All =
    [
        new("rule.create", Permissions.AlertRulesWrite, AuditActions.RuleCreate, app => Task.FromResult<Func<Actor, Task<string?>>>(async actor =>
            $"alert rule #{(await Service<AlertRuleService>(app).CreateAsync(actor, RuleInput(Unique("new rule")), None)).Rule!.Id}")),
        new("rule.update", Permissions.AlertRulesWrite, AuditActions.RuleUpdate, async app =>
        {
            var rule = await RuleAsync(app);
            return async actor => { await Service<AlertRuleService>(app).UpdateAsync(actor, rule.Id, RuleInput(rule.Name, "latency > 3"), None); return $"alert rule #{rule.Id}"; };
        }),
        new("rule.delete", Permissions.AlertRulesWrite, AuditActions.RuleDelete, async app =>
        {
            var rule = await RuleAsync(app);
            return async actor => { await Service<AlertRuleService>(app).DeleteAsync(actor, rule.Id, None); return $"alert rule #{rule.Id}"; };
        }),
        new("rule.save_in_transaction", Permissions.AlertRulesWrite, AuditActions.RuleCreate, app => Task.FromResult<Func<Actor, Task<string?>>>(async actor =>
        {
            await using var db = await Service<IDbContextFactory<ProbeDbContext>>(app).CreateDbContextAsync();
            await using var transaction = await db.Database.BeginTransactionAsync();
            var saved = await Service<AlertRuleService>(app).SaveAsync(db, actor, null, RuleInput(Unique("imported rule")), None);
            await transaction.CommitAsync();
            return $"alert rule #{saved.Rule!.Id}";
        })),
        new("rule.list", Permissions.AlertRulesRead, null, app => Task.FromResult(Query(a => Service<AlertRuleService>(app).ListAsync(a, new AlertRuleFilter(), 0, 20, None)))),
        new("rule.get", Permissions.AlertRulesRead, null, async app =>
        {
            var rule = await RuleAsync(app);
            return Query(a => Service<AlertRuleService>(app).GetAsync(a, rule.Id, None));
        }),
        new("rule.target_choices", Permissions.AlertRulesRead, null, app => Task.FromResult(Query(a => Service<AlertRuleService>(app).TargetChoicesAsync(a, AlertRuleType.HostMonitor, None)))),

        new("event.acknowledge", Permissions.AlertEventsWrite, AuditActions.AlertAcknowledge, async app =>
        {
            var fired = await FiringAsync(app);
            return async actor => { await Service<AlertEventService>(app).AcknowledgeAsync(actor, fired.Id, "on it", None); return $"alert event #{fired.Id}"; };
        }),
        new("event.acknowledge_many", Permissions.AlertEventsWrite, AuditActions.AlertAcknowledge, async app =>
        {
            var fired = await FiringAsync(app);
            return async actor => { await Service<AlertEventService>(app).AcknowledgeManyAsync(actor, [fired.Id], null, None); return $"alert event #{fired.Id}"; };
        }),
        new("event.silence", Permissions.AlertEventsWrite, AuditActions.AlertSilence, async app =>
        {
            var fired = await FiringAsync(app);
            return async actor => { await Service<AlertEventService>(app).SilenceAsync(actor, fired.Id, 600, true, None); return $"alert event #{fired.Id}"; };
        }),
        new("event.lift_silence", Permissions.AlertEventsWrite, AuditActions.AlertLiftSilence, async app =>
        {
            var fired = await FiringAsync(app);
            await Service<AlertEventService>(app).SilenceAsync(Actor.System, fired.Id, 600, true, None);
            return async actor => { await Service<AlertEventService>(app).LiftSilenceAsync(actor, fired.Id, None); return $"alert event #{fired.Id}"; };
        }),
        new("event.list", Permissions.AlertEventsRead, null, app => Task.FromResult(Query(a => Service<AlertEventService>(app).ListAsync(a, new AlertEventFilter(), 0, 20, None)))),
        new("event.get", Permissions.AlertEventsRead, null, app => Task.FromResult(Query(a => Service<AlertEventService>(app).GetAsync(a, 1, None)))),
        new("event.count_unhandled", Permissions.AlertEventsRead, null, app => Task.FromResult(Query(a => Service<AlertEventService>(app).CountUnhandledAsync(a, None)))),
        new("event.rule_choices", Permissions.AlertEventsRead, null, app => Task.FromResult(Query(a => Service<AlertEventService>(app).RuleChoicesAsync(a, None)))),

        new("group.create", Permissions.AlertRulesWrite, AuditActions.NotificationGroupCreate, app => Task.FromResult<Func<Actor, Task<string?>>>(async actor =>
            $"notification group #{(await Service<NotificationGroupService>(app).CreateAsync(actor, GroupInput(Unique("new group")), None)).Group!.Id}")),
        new("group.update", Permissions.AlertRulesWrite, AuditActions.NotificationGroupUpdate, async app =>
        {
            var group = await GroupAsync(app);
            return async actor => { await Service<NotificationGroupService>(app).UpdateAsync(actor, group.Id, GroupInput(group.Name + " renamed"), None); return $"notification group #{group.Id}"; };
        }),
        new("group.delete", Permissions.AlertRulesWrite, AuditActions.NotificationGroupDelete, async app =>
        {
            var group = await GroupAsync(app);
            return async actor => { await Service<NotificationGroupService>(app).DeleteAsync(actor, group.Id, None); return $"notification group #{group.Id}"; };
        }),
        new("group.send_test", Permissions.AlertRulesWrite, AuditActions.NotificationGroupTest, async app =>
        {
            var group = await GroupAsync(app);
            return async actor => { await Service<NotificationGroupService>(app).SendTestAsync(actor, group.Id, None); return $"notification group #{group.Id}"; };
        }),
        new("group.list", Permissions.AlertRulesRead, null, app => Task.FromResult(Query(a => Service<NotificationGroupService>(app).ListAsync(a, None)))),
        new("group.get", Permissions.AlertRulesRead, null, app => Task.FromResult(Query(a => Service<NotificationGroupService>(app).GetAsync(a, 1, None)))),
        new("group.summaries", Permissions.AlertRulesRead, null, app => Task.FromResult(Query(a => Service<NotificationGroupService>(app).SummariesAsync(a, None)))),

        new("audit.query", Permissions.Admin, null, app => Task.FromResult(Query(a => Service<AuditLogService>(app).QueryAsync(a, new AuditQuery(), 0, 20, None)))),
    ];
}
