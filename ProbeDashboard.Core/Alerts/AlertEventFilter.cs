using System.Globalization;

namespace ProbeDashboard.Core.Alerts;

/// <summary>
/// Which alert events a list shows: the filters of seed 001 §4.1 (times are UTC, on the event's start). The one parser
/// of their query words, for the API's query string and the UI's links alike.
/// </summary>
public sealed record AlertEventFilter(
    AlertEventStatus? Status = null,
    AlertLevel? Level = null,
    bool? Acknowledged = null,
    int? AlertRuleId = null,
    AlertTargetType? TargetType = null,
    DateTime? From = null,
    DateTime? To = null,
    int? TargetId = null)
{
    /// <summary>Reads alert_rule_id, target_id, target_type, status, level, acknowledged, start and end.</summary>
    /// <param name="get">The raw value of a query word, or null/empty when absent.</param>
    /// <param name="filter">The words that parsed; absent and wrong ones filter nothing.</param>
    /// <returns>False with one message per wrong word.</returns>
    public static bool TryParse(Func<string, string?> get, out AlertEventFilter filter, out Dictionary<string, string[]> errors)
    {
        var found = new Dictionary<string, string[]>();
        void Fail(string word, string message) => found[word] = [message];
        string? Word(string name) => get(name) is { Length: > 0 } value ? value : null;

        int? ruleId = null, targetId = null;
        AlertTargetType? targetType = null;
        AlertEventStatus? status = null;
        AlertLevel? level = null;
        bool? acknowledged = null;
        DateTime? from = null, to = null;
        if (Word("alert_rule_id") is { } ruleText)
            if (int.TryParse(ruleText, NumberStyles.Integer, CultureInfo.InvariantCulture, out var v)) ruleId = v; else Fail("alert_rule_id", "alert_rule_id must be an integer");
        if (Word("target_id") is { } targetText)
            if (int.TryParse(targetText, NumberStyles.Integer, CultureInfo.InvariantCulture, out var v)) targetId = v; else Fail("target_id", "target_id must be an integer");
        if (Word("target_type") is { } typeText)
            if (AlertNames.TryParseTargetType(typeText, out var v)) targetType = v; else Fail("target_type", "target_type must be host or service");
        if (Word("status") is { } statusText)
            if (AlertNames.TryParseStatus(statusText, out var v)) status = v; else Fail("status", "status must be pending, firing, resolved or silenced");
        if (Word("level") is { } levelText)
            if (AlertNames.TryParseLevel(levelText, out var v)) level = v; else Fail("level", "level must be info, warning or critical");
        if (Word("acknowledged") is { } ackText)
            if (bool.TryParse(ackText, out var v)) acknowledged = v; else Fail("acknowledged", "acknowledged must be true or false");
        if (Word("start") is { } startText)
            if (TryParseTime(startText, out var v)) from = v; else Fail("start", "start must be an ISO 8601 time or unix seconds");
        if (Word("end") is { } endText)
            if (TryParseTime(endText, out var v)) to = v; else Fail("end", "end must be an ISO 8601 time or unix seconds");

        errors = found;
        filter = new AlertEventFilter(status, level, acknowledged, ruleId, targetType, from, to, targetId);
        return found.Count == 0;
    }

    public IQueryable<AlertEvent> Apply(IQueryable<AlertEvent> query)
    {
        if (Status is { } status) query = query.Where(e => e.Status == status);
        if (Level is { } level) query = query.Where(e => e.Level == level);
        if (Acknowledged is { } acknowledged) query = query.Where(e => e.Acknowledged == acknowledged);
        if (AlertRuleId is { } ruleId) query = query.Where(e => e.AlertRuleId == ruleId);
        if (TargetId is { } targetId) query = query.Where(e => e.TargetId == targetId);
        if (TargetType is { } targetType) query = query.Where(e => e.TargetType == targetType);
        if (From is { } from) query = query.Where(e => e.PendingSince >= from);
        if (To is { } to) query = query.Where(e => e.PendingSince <= to);
        return query;
    }

    /// <summary>Unix seconds (below 10^11, so milliseconds are not mistaken for them) or an ISO 8601 time, UTC unless it says otherwise.</summary>
    private static bool TryParseTime(string text, out DateTime value)
    {
        if (long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var unix) && unix < 100_000_000_000)
        {
            value = DateTimeOffset.FromUnixTimeSeconds(unix).UtcDateTime;
            return true;
        }
        var ok = DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var parsed);
        value = parsed.UtcDateTime;
        return ok;
    }
}
