using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using ProbeDashboard.Core.Monitors;
using ProbeDashboard.Core.Storage;

namespace ProbeDashboard.Core.ConfigTransfer;

/// <summary>
/// Monitors, matched by name, created and updated through <see cref="MonitorService"/> like the API's (validated,
/// authorized, one audit entry per monitor changed); the scheduler hears of each created or changed monitor after
/// the import commits. Monitors not in the file are left alone.
/// </summary>
public sealed class MonitorSection(MonitorService monitors) : IConfigSection
{
    public const string Origin = "import";

    public string Key => "monitors";
    public int Order => 30;

    public async Task<JsonArray> ExportAsync(ExportContext context, CancellationToken cancellationToken)
    {
        var (groups, notificationGroups) = await NamesAsync(context.Db, cancellationToken);
        var policies = await EscalationPolicySection.NamesAsync(context.Db, cancellationToken);
        var monitors = await context.Db.Monitors.AsNoTracking().ToListAsync(cancellationToken);
        // depends_on is written as names, like every other reference, so the file moves between servers.
        var names = monitors.ToDictionary(m => m.Id, m => m.Name);
        return [.. monitors.OrderBy(m => m.Name, StringComparer.Ordinal)
            .Select(m => JsonSerializer.SerializeToNode(MonitorItem.Of(m, context.Hosts, groups, notificationGroups, policies, context.IncludeSecrets, names), ConfigJson.Options))];
    }

    public async Task ImportAsync(JsonArray items, ImportContext context, CancellationToken cancellationToken)
    {
        var (groups, notificationGroups) = await NamesAsync(context.Db, cancellationToken);
        var groupIds = groups.ToDictionary(g => g.Value, g => g.Key, StringComparer.Ordinal);
        var notificationIds = notificationGroups.ToDictionary(g => g.Value, g => g.Key, StringComparer.Ordinal);
        var policies = await EscalationPolicySection.NamesAsync(context.Db, cancellationToken);
        var parents = new MonitorParents(context);
        foreach (var (where, item) in context.ReadItems<MonitorItem>(Key, items, i => i.Name))
        {
            var input = ToInput(item, where, context, groupIds, notificationIds, policies);
            if (input is null) continue;
            input = await parents.ResolveAsync(input, item.DependsOn, where, cancellationToken);
            var name = input.Name!.Trim();
            var (monitor, ambiguous) = await context.SingleByNameAsync(context.Db.Monitors.Where(m => m.Name == name).OrderBy(m => m.Id), where, cancellationToken);
            if (ambiguous) continue;
            // The same commands as the API's: validated, audited in the import's transaction, announced after its commit.
            var change = monitor is null
                ? await monitors.CreateAsync(context.Db, context.Actor, input, Origin, cancellationToken)
                : await monitors.UpdateAsync(context.Db, context.Actor, monitor, input, cancellationToken);
            if (change.Result.Errors.Count > 0) { context.ErrorsFrom(where, change.Result.Errors); continue; }
            context.Count(Key, monitor is null ? ItemOutcome.Created : change.Result.WasUnchanged ? ItemOutcome.Unchanged : ItemOutcome.Updated);
            context.AfterCommit(_ =>
            {
                monitors.Publish(change);
                return Task.CompletedTask;
            });
            parents.Saved(change.Result.Monitor, input, item.DependsOn, where);
        }
        await parents.SaveDeferredAsync(monitors, cancellationToken);
    }

    private static MonitorInput? ToInput(MonitorItem item, string where, ImportContext context,
        IReadOnlyDictionary<string, int> groupIds, IReadOnlyDictionary<string, int> notificationIds, IReadOnlyDictionary<int, string> policies)
    {
        var errorsBefore = context.Errors.Count;
        MonitorKind? kind = item.Type is { } type && Enum.IsDefined((MonitorKind)type) ? (MonitorKind)type : null;
        if (kind is null) context.Error(where + ".type", $"type must be {MonitorKindNames.Choices}, as a number or a name");
        int? groupId = null;
        if (item.ExecuteOn?.Group is { } group && !groupIds.TryGetValue(group, out var id)) context.Error(where + ".execute_on.group", $"no host group is named '{group}'");
        else if (item.ExecuteOn?.Group is { } known) groupId = groupIds[known];
        int? notificationId = null;
        if (item.NotificationGroup is { } notification)
        {
            if (notificationIds.TryGetValue(notification, out var nid)) notificationId = nid;
            else context.Error(where + ".notification_group", $"no notification group is named '{notification}'");
        }
        var hostIds = item.ExecuteOn?.Hosts is null ? null : context.Hosts.IdsOf(item.ExecuteOn.Hosts, where + ".execute_on.hosts", context);
        var skipIds = context.Hosts.IdsOf(item.SkipHosts, where + ".skip_hosts", context);
        var policyId = EscalationPolicySection.IdOf(item.EscalationPolicy, policies, where, context);
        if (context.Errors.Count > errorsBefore) return null;
        return new MonitorInput
        {
            Name = item.Name, Enable = item.Enable ?? true, Type = (int)kind!.Value, Target = item.Target, Duration = item.Duration,
            Timeout = item.Timeout, Retry = item.Retry, RetryInterval = item.RetryInterval, UpsideDown = item.UpsideDown ?? false,
            ExecuteOn = item.ExecuteOn is null ? null : new ExecuteOnInput(item.ExecuteOn.Type, groupId, hostIds),
            SkipHosts = skipIds, EnableAlert = item.EnableAlert ?? false, FailThreshold = item.FailThreshold,
            RecoverThreshold = item.RecoverThreshold, NotificationId = notificationId, LatencyAlert = item.LatencyAlert ?? false,
            MaxLatency = item.MaxLatency, Http = item.Http, FailQuorum = item.FailQuorum, Push = item.Push, EscalationPolicyId = policyId,
            TlsExpiryDays = item.TlsExpiryDays, Dns = item.Dns,
        };
    }

    internal static async Task<(Dictionary<int, string> Groups, Dictionary<int, string> NotificationGroups)> NamesAsync(
        ProbeDbContext db, CancellationToken cancellationToken) =>
        (await db.HostGroups.AsNoTracking().ToDictionaryAsync(g => g.Id, g => g.Name, cancellationToken),
         await db.NotificationGroups.AsNoTracking().ToDictionaryAsync(g => g.Id, g => g.Name, cancellationToken));
}
