using Microsoft.EntityFrameworkCore;
using ProbeDashboard.Core.Monitors;

namespace ProbeDashboard.Core.ConfigTransfer;

/// <summary>
/// Turns the monitor names of an imported <c>depends_on</c> into ids. A name met before its monitor (later in the file)
/// is saved without that parent first, then the whole list once every monitor of the file exists; a name that matches
/// no monitor, or several, is an error of that item.
/// </summary>
internal sealed class MonitorParents(ImportContext context)
{
    private readonly List<(int MonitorId, MonitorInput Input, List<string> Names, string Where)> _deferred = [];

    /// <summary>The input with the ids of the names known now.</summary>
    public async Task<MonitorInput> ResolveAsync(MonitorInput input, List<string>? names, string where, CancellationToken cancellationToken)
    {
        if (names is null or { Count: 0 }) return input;
        var ids = await IdsAsync(names, cancellationToken);
        return input with { DependsOn = [.. ids.Values.OfType<int>()] };
    }

    /// <summary>Remembers a saved monitor whose list named a monitor not there yet.</summary>
    public void Saved(MonitorDefinition? monitor, MonitorInput input, List<string>? names, string where)
    {
        if (monitor is null || names is null || input.DependsOn?.Count == names.Distinct(StringComparer.Ordinal).Count()) return;
        _deferred.Add((monitor.Id, input, names, where));
    }

    /// <summary>Saves the complete lists once every monitor of the file exists.</summary>
    public async Task SaveDeferredAsync(MonitorService monitors, CancellationToken cancellationToken)
    {
        foreach (var (monitorId, input, names, where) in _deferred)
        {
            var ids = await IdsAsync(names, cancellationToken);
            var missing = ids.Where(i => i.Value is null).Select(i => i.Key).ToList();
            if (missing.Count > 0)
            {
                foreach (var name in missing) context.Error($"{where}.depends_on", $"no single monitor is named '{name}'");
                continue;
            }
            var monitor = await context.Db.Monitors.SingleAsync(m => m.Id == monitorId, cancellationToken);
            var change = await monitors.UpdateAsync(context.Db, context.Actor, monitor, input with { DependsOn = [.. ids.Values.OfType<int>()] }, cancellationToken);
            if (change.Result.Errors.Count > 0) { context.ErrorsFrom(where, change.Result.Errors); continue; }
            context.AfterCommit(_ =>
            {
                monitors.Publish(change);
                return Task.CompletedTask;
            });
        }
    }

    /// <summary>Each name and the id of the one monitor so named; null when none or several are.</summary>
    private async Task<Dictionary<string, int?>> IdsAsync(List<string> names, CancellationToken cancellationToken)
    {
        var wanted = names.Distinct(StringComparer.Ordinal).ToList();
        var found = (await context.Db.Monitors.AsNoTracking().Where(m => wanted.Contains(m.Name)).Select(m => new { m.Id, m.Name }).ToListAsync(cancellationToken))
            .ToLookup(m => m.Name, m => m.Id, StringComparer.Ordinal);
        return wanted.ToDictionary(n => n, n => found[n].Count() == 1 ? found[n].Single() : (int?)null, StringComparer.Ordinal);
    }
}
