using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ProbeDashboard.Core.Access;
using ProbeDashboard.Core.Alerts.Escalation;
using ProbeDashboard.Core.Audit;
using ProbeDashboard.Core.Auth;
using ProbeDashboard.Core.Notifications;
using ProbeDashboard.Core.Storage;
using ProbeDashboard.Tests.Support;

namespace ProbeDashboard.Tests.Core.Access;

/// <summary>
/// Every command and query of <see cref="EscalationPolicyService"/> as every role: policies are alert configuration,
/// so viewers read, operators and admins also write, an actor without permissions does nothing. An allowed write
/// leaves exactly one audit entry naming actor, action and target; a refusal leaves none and changes nothing.
/// </summary>
public class EscalationAccessTests(AlertTestFactory app) : IClassFixture<AlertTestFactory>
{
    private static readonly CancellationToken None = CancellationToken.None;
    private static int _serial;

    private sealed record Command(string Name, string Permission, string? AuditAction, Func<AlertTestFactory, Task<Func<Actor, Task<string?>>>> Prepare);

    private static string Unique(string prefix) => $"{prefix}-{Interlocked.Increment(ref _serial)}";

    private static EscalationPolicyService Policies(AlertTestFactory app) => app.Services.GetRequiredService<EscalationPolicyService>();

    private static async Task<EscalationPolicyInput> InputAsync(AlertTestFactory app, string name, int after = 300)
    {
        var group = (await app.Services.GetRequiredService<NotificationGroupService>()
            .CreateAsync(Actor.System, new NotificationGroupInput(Unique("group"), ["ops@example.test"], [], null), None)).Group!;
        return new EscalationPolicyInput(name, [new EscalationStepInput(0, [group.Id]), new EscalationStepInput(after, [group.Id])]);
    }

    private static async Task<EscalationPolicy> PolicyAsync(AlertTestFactory app) =>
        (await Policies(app).CreateAsync(Actor.System, await InputAsync(app, Unique("policy")), None)).Policy!;

    private static Func<Actor, Task<string?>> Query(Func<Actor, Task> read) => async actor => { await read(actor); return null; };

    private static readonly IReadOnlyList<Command> All =
    [
        new("policy.create", Permissions.AlertRulesWrite, AuditActions.EscalationPolicyCreate, async app =>
        {
            var input = await InputAsync(app, Unique("new policy"));
            return async actor => $"escalation policy #{(await Policies(app).CreateAsync(actor, input, None)).Policy!.Id}";
        }),
        new("policy.update", Permissions.AlertRulesWrite, AuditActions.EscalationPolicyUpdate, async app =>
        {
            var policy = await PolicyAsync(app);
            var input = EscalationPolicyInput.Of(policy) with { Repeat = 3 };
            return async actor => { await Policies(app).UpdateAsync(actor, policy.Id, input, None); return $"escalation policy #{policy.Id}"; };
        }),
        new("policy.delete", Permissions.AlertRulesWrite, AuditActions.EscalationPolicyDelete, async app =>
        {
            var policy = await PolicyAsync(app);
            return async actor => { await Policies(app).DeleteAsync(actor, policy.Id, None); return $"escalation policy #{policy.Id}"; };
        }),
        new("policy.save_in_transaction", Permissions.AlertRulesWrite, AuditActions.EscalationPolicyCreate, async app =>
        {
            var input = await InputAsync(app, Unique("imported policy"));
            return async actor =>
            {
                await using var db = await app.Services.GetRequiredService<IDbContextFactory<ProbeDbContext>>().CreateDbContextAsync();
                await using var transaction = await db.Database.BeginTransactionAsync();
                var saved = await Policies(app).SaveAsync(db, actor, null, input, None);
                await transaction.CommitAsync();
                return $"escalation policy #{saved.Policy!.Id}";
            };
        }),
        new("policy.list", Permissions.AlertRulesRead, null, app => Task.FromResult(Query(a => Policies(app).ListAsync(a, None)))),
        new("policy.summaries", Permissions.AlertRulesRead, null, app => Task.FromResult(Query(a => Policies(app).SummariesAsync(a, None)))),
        new("policy.get", Permissions.AlertRulesRead, null, async app =>
        {
            var policy = await PolicyAsync(app);
            return Query(a => Policies(app).GetAsync(a, policy.Id, None));
        }),
    ];

    public static IEnumerable<object[]> Cases() =>
        from command in All
        from role in TestActors.Roles()
        select new object[] { command.Name, role[0], role[1] };

    private static bool Allowed(Command command, string role) => role switch
    {
        "admin" or "operator" => true,
        "viewer" => command.AuditAction is null,
        _ => false,
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Each_role_may_do_what_its_permissions_say_and_every_allowed_write_is_audited_once(string commandName, string role, Actor actor)
    {
        var command = All.Single(c => c.Name == commandName);
        var run = await command.Prepare(app);
        var lastEntry = await app.WithDbAsync(db => db.AuditLog.MaxAsync(e => (long?)e.Id)) ?? 0;
        var before = await SnapshotAsync();

        if (!Allowed(command, role))
        {
            var refused = await Assert.ThrowsAsync<AccessDeniedException>(() => run(actor));
            Assert.Equal(command.Permission, refused.Permission);
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

    private Task<List<AuditEntry>> EntriesAfterAsync(long id) =>
        app.WithDbAsync(db => db.AuditLog.AsNoTracking().Where(e => e.Id > id).ToListAsync());

    private Task<string> SnapshotAsync() => app.WithDbAsync(async (ProbeDbContext db) =>
    {
        var text = new StringBuilder();
        foreach (var p in await db.EscalationPolicies.AsNoTracking().OrderBy(p => p.Id).ToListAsync())
            text.AppendLine($"policy {p.Id} {p.Name} {EscalationPolicyInput.Describe(p)} {p.UpdatedAt:O}");
        return text.ToString();
    });
}
