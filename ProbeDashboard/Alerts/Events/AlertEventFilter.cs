using Microsoft.EntityFrameworkCore;
using ProbeDashboard.Core.Alerts;
using ProbeDashboard.Core.Storage;

namespace ProbeDashboard.Alerts.Events;

/// <summary>The Alerts page's filters: those of seed 001 §4.1 (times are UTC, on the event's start).</summary>
public sealed record AlertEventFilter(
    AlertEventStatus? Status = null,
    AlertLevel? Level = null,
    bool? Acknowledged = null,
    int? AlertRuleId = null,
    AlertTargetType? TargetType = null,
    DateTime? From = null,
    DateTime? To = null)
{
    public IQueryable<AlertEvent> Apply(IQueryable<AlertEvent> query)
    {
        if (Status is { } status) query = query.Where(e => e.Status == status);
        if (Level is { } level) query = query.Where(e => e.Level == level);
        if (Acknowledged is { } acknowledged) query = query.Where(e => e.Acknowledged == acknowledged);
        if (AlertRuleId is { } ruleId) query = query.Where(e => e.AlertRuleId == ruleId);
        if (TargetType is { } targetType) query = query.Where(e => e.TargetType == targetType);
        if (From is { } from) query = query.Where(e => e.PendingSince >= from);
        if (To is { } to) query = query.Where(e => e.PendingSince <= to);
        return query;
    }
}

/// <summary>One row of the events grid.</summary>
public sealed record AlertEventRow(
    long Id, string Title, string RuleName, AlertTargetType TargetType, string TargetName, AlertLevel Level, AlertEventStatus Status,
    DateTime PendingSince, DateTime? TriggerTime, DateTime? RecoverTime, DateTime? SilenceUntil, bool Acknowledged, string? AckUserName)
{
    public bool IsOpen => Status != AlertEventStatus.Resolved;
}

public static class AlertEventListQuery
{
    /// <summary>Newest first, one page, counted in SQL.</summary>
    public static async Task<(IReadOnlyList<AlertEventRow> Rows, int Total)> LoadAsync(
        ProbeDbContext db, AlertEventFilter filter, int skip, int take, CancellationToken cancellationToken)
    {
        var query = filter.Apply(db.AlertEvents.AsNoTracking());
        var total = await query.CountAsync(cancellationToken);
        var rows = await query.OrderByDescending(e => e.PendingSince).ThenByDescending(e => e.Id).Skip(skip).Take(take)
            .Select(e => new AlertEventRow(e.Id, e.Title, e.AlertRuleName, e.TargetType, e.TargetName, e.Level, e.Status,
                e.PendingSince, e.TriggerTime, e.RecoverTime, e.SilenceUntil, e.Acknowledged, e.AckUserName))
            .ToListAsync(cancellationToken);
        return (rows, total);
    }

    /// <summary>The rule filter's choices: every rule, by name.</summary>
    public static async Task<IReadOnlyList<(int Id, string Name)>> RulesAsync(ProbeDbContext db, CancellationToken cancellationToken) =>
        (await db.AlertRules.AsNoTracking().OrderBy(r => r.Name).Select(r => new { r.Id, r.Name }).ToListAsync(cancellationToken))
        .Select(r => (r.Id, r.Name)).ToList();
}
