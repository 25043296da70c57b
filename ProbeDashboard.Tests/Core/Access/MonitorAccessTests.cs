using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using ProbeDashboard.Core.Access;
using ProbeDashboard.Core.Audit;
using ProbeDashboard.Core.Availability;
using ProbeDashboard.Core.Compat.OpenApi;
using ProbeDashboard.Core.Monitors;
using ProbeDashboard.Core.Probing;
using ProbeDashboard.Core.Storage;
using ProbeDashboard.Tests.Support;

namespace ProbeDashboard.Tests.Core.Access;

/// <summary>Runs every monitor command and query as every role on one database; a fresh monitor per case.</summary>
public sealed class MonitorAccessFixture : IAsyncLifetime
{
    public PipelineServices Core { get; private set; } = default!;

    public async Task InitializeAsync() => Core = await PipelineServices.StartAsync(startWriter: false);

    public async Task DisposeAsync() => await Core.DisposeAsync();
}

/// <summary>
/// The access table of the monitors feature: viewers read but do not write, operators and admins write, an actor
/// without permissions does neither. Each allowed write leaves exactly one audit entry naming the actor, the action
/// and the monitor; a refusal leaves none and changes nothing.
/// </summary>
public class MonitorAccessTests(MonitorAccessFixture fixture) : IClassFixture<MonitorAccessFixture>
{
    private delegate Task<int?> Command(PipelineServices core, Actor actor, int monitorId, CancellationToken cancellationToken);

    /// <summary>Each command, the action its entry must carry, and the monitor it changes (null: the one given).</summary>
    private static readonly Dictionary<string, (string Action, Command Run)> Commands = new()
    {
        ["create"] = (AuditActions.MonitorCreate, async (core, actor, _, ct) =>
            (await core.Get<MonitorService>().CreateAsync(actor, Input("created"), "test", ct)).Monitor?.Id),
        ["update"] = (AuditActions.MonitorUpdate, async (core, actor, id, ct) =>
            (await core.Get<MonitorService>().UpdateAsync(actor, id, Input("renamed"), ct)).Monitor?.Id),
        ["toggle"] = (AuditActions.MonitorToggle, async (core, actor, id, ct) =>
            await core.Get<MonitorService>().SetEnabledAsync(actor, id, false, ct) ? id : null),
        ["delete"] = (AuditActions.MonitorDelete, async (core, actor, id, ct) =>
            await core.Get<MonitorService>().DeleteAsync(actor, id, ct) ? id : null),
        ["create in a caller's transaction"] = (AuditActions.MonitorCreate, async (core, actor, _, ct) =>
        {
            await using var db = core.CreateDbContext();
            return (await core.Get<MonitorService>().CreateAsync(db, actor, Input("staged"), "test", ct)).Result.Monitor?.Id;
        }),
        ["update in a caller's transaction"] = (AuditActions.MonitorUpdate, async (core, actor, id, ct) =>
        {
            await using var db = core.CreateDbContext();
            var monitor = await db.Monitors.SingleAsync(m => m.Id == id, ct);
            return (await core.Get<MonitorService>().UpdateAsync(db, actor, monitor, Input("restaged"), ct)).Result.Monitor?.Id;
        }),
        ["toggle in a caller's transaction"] = (AuditActions.MonitorToggle, async (core, actor, id, ct) =>
        {
            await using var db = core.CreateDbContext();
            var monitor = await db.Monitors.SingleAsync(m => m.Id == id, ct);
            return (await core.Get<MonitorService>().SetEnabledAsync(db, actor, monitor, false, ct)).Result.Monitor?.Id;
        }),
    };

    private static readonly Dictionary<string, Func<PipelineServices, Actor, int, CancellationToken, Task>> Queries = new()
    {
        ["list"] = (core, actor, _, ct) => core.Get<MonitorQueries>().ListAsync(actor, new MonitorListFilter(), new MonitorSort(), 0, 20, ct),
        ["any"] = (core, actor, _, ct) => core.Get<MonitorQueries>().AnyAsync(actor, ct),
        ["find"] = (core, actor, id, ct) => core.Get<MonitorQueries>().FindAsync(actor, id, ct),
        ["detail"] = (core, actor, id, ct) => core.Get<MonitorQueries>().GetDetailAsync(actor, id, ct),
        ["placement choices"] = (core, actor, _, ct) => core.Get<MonitorQueries>().GetPlacementChoicesAsync(actor, ct),
        ["history"] = (core, actor, id, ct) => core.Get<MonitorQueries>().GetHistoryAsync(actor, id, new ProbeHistoryFilter(), 0, 20, ct),
        ["latest per host"] = (core, actor, id, ct) => core.Get<MonitorQueries>().GetLatestPerHostAsync(actor, id, ct),
        ["latency series"] = (core, actor, id, ct) => core.Get<MonitorQueries>().GetLatencySeriesAsync(actor, id, ChartRange.Hour, ct),
        ["availability"] = (core, actor, id, ct) => core.Get<MonitorQueries>().GetAvailabilityAsync(actor, id, AvailabilityPeriod.Hour,
            DateTime.UtcNow.AddDays(-1), DateTime.UtcNow, null, ct),
        ["statistics"] = (core, actor, id, ct) => core.Get<MonitorQueries>().GetStatisticsAsync(actor, id, ct),
        ["overview"] = (core, actor, _, ct) => core.Get<MonitorQueries>().GetOverviewAsync(actor, ct),
        ["status counts"] = (core, actor, _, ct) => core.Get<MonitorQueries>().GetStatusCountsAsync(actor, ct),
        ["open-API task list"] = (core, actor, _, ct) => Tasks(core).ListAsync(actor, 1, "someone", 0, 10, ct),
        ["open-API task lookup"] = (core, actor, _, ct) => Tasks(core).MonitorsOfAsync(actor, 1, "someone", null, ct),
    };

    public static IEnumerable<object[]> CommandCases() =>
        from role in TestActors.Roles() from command in Commands.Keys select new[] { role[0], command };

    public static IEnumerable<object[]> QueryCases() =>
        from role in TestActors.Roles() from query in Queries.Keys select new[] { role[0], query };

    [Theory]
    [MemberData(nameof(CommandCases))]
    public async Task Operators_and_admins_may_change_monitors_each_change_audited_once_others_are_refused_and_nothing_changes(string role, string command)
    {
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        var actor = ActorOf(role);
        var (action, run) = Commands[command];
        var monitorId = await CreateAsync(cts.Token);
        var before = await SnapshotAsync(cts.Token);

        if (role is "operator" or "admin")
        {
            var changedId = await run(fixture.Core, actor, monitorId, cts.Token);
            Assert.NotNull(changedId);
            var entry = Assert.Single(await EntriesSinceAsync(before.LastEntryId, cts.Token));
            Assert.Equal((actor.Name, action), (entry.Actor, entry.Action));
            Assert.StartsWith($"monitor #{changedId} ", entry.Target);
        }
        else
        {
            await Assert.ThrowsAsync<AccessDeniedException>(() => run(fixture.Core, actor, monitorId, cts.Token));
            Assert.Empty(await EntriesSinceAsync(before.LastEntryId, cts.Token));
            Assert.Equal(before, await SnapshotAsync(cts.Token));
        }
    }

    [Theory]
    [MemberData(nameof(QueryCases))]
    public async Task Every_role_but_nobody_may_read_monitors_and_reading_records_nothing(string role, string query)
    {
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        var monitorId = await CreateAsync(cts.Token);
        var before = await SnapshotAsync(cts.Token);

        var read = Queries[query](fixture.Core, ActorOf(role), monitorId, cts.Token);
        if (role == "nobody") await Assert.ThrowsAsync<AccessDeniedException>(() => read);
        else await read;

        Assert.Equal(before, await SnapshotAsync(cts.Token));
    }

    // The open API's tasks are wired by the host; here the service is built over the same Core parts.
    private static OpenApiTaskService Tasks(PipelineServices core) => new(core.Get<IDbContextFactory<ProbeDbContext>>(),
        core.Get<MonitorService>(), Options.Create(new OpenApiOptions()), core.Get<IOptionsMonitor<ProbingOptions>>());

    private static Actor ActorOf(string role) => (Actor)TestActors.Roles().Single(r => (string)r[0] == role)[1];

    private static MonitorInput Input(string name) =>
        new() { Name = name, Type = (int)MonitorKind.Http, Target = $"http://127.0.0.1:9/{name}", Duration = 60 };

    private async Task<int> CreateAsync(CancellationToken cancellationToken) =>
        (await fixture.Core.Get<MonitorService>().CreateAsync(Actor.System, Input("table"), "test", cancellationToken)).Monitor!.Id;

    /// <summary>Every monitor's name, target and state, and the newest audit entry: what a refused command must leave as it was.</summary>
    private async Task<Snapshot> SnapshotAsync(CancellationToken cancellationToken)
    {
        await using var db = fixture.Core.CreateDbContext();
        var monitors = await db.Monitors.OrderBy(m => m.Id).Select(m => $"{m.Id} {m.Name} {m.Target} {m.Enabled} {m.UpdatedAt:O}").ToListAsync(cancellationToken);
        var lastEntry = await db.AuditLog.MaxAsync(e => (long?)e.Id, cancellationToken) ?? 0;
        return new Snapshot(string.Join("\n", monitors), lastEntry);
    }

    private async Task<List<AuditEntry>> EntriesSinceAsync(long lastEntryId, CancellationToken cancellationToken)
    {
        await using var db = fixture.Core.CreateDbContext();
        return await db.AuditLog.Where(e => e.Id > lastEntryId).ToListAsync(cancellationToken);
    }

    private sealed record Snapshot(string Monitors, long LastEntryId);
}
