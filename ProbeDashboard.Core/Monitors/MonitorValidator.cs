using ProbeDashboard.Core.Push;

namespace ProbeDashboard.Core.Monitors;

/// <summary>What validation needs to know beyond the input itself: settings and which hosts and groups exist.</summary>
public sealed record MonitorRules(int MinIntervalSeconds, IReadOnlySet<int> HostIds, IReadOnlySet<int> GroupIds)
{
    public const int MaxIntervalSeconds = 86_400;
    public const int MaxTimeoutSeconds = 300;
    public const int MaxRetry = 10;
    public const int MaxFailThreshold = 100;
    /// <summary>A push monitor sends nothing; its stored timeout is a placeholder shorter than any period.</summary>
    public const int PushTimeoutSeconds = 1;
}

/// <summary>
/// Checks a <see cref="MonitorInput"/> and reports every problem at once, keyed by the seed's wire field names
/// ("target", "duration", "execute_on.group_id", "http.pinned_ips"...), so API and UI show them next to the field.
/// </summary>
public static class MonitorValidator
{
    public static IReadOnlyDictionary<string, string[]> Validate(MonitorInput input, MonitorRules rules)
    {
        var errors = new ValidationErrors();
        if (string.IsNullOrWhiteSpace(input.Name)) errors.Add("name", "is required");
        else if (input.Name.Trim().Length > 200) errors.Add("name", "must be at most 200 characters");

        var isPush = input.Type == (int)MonitorKind.Push;
        // A push monitor is judged by its push schedule: duration and timeout do not apply to it.
        if (!isPush) ValidateTiming(input, rules, errors);
        else if (input.Retry is < 0 or > MonitorRules.MaxRetry)
            errors.Add("retry", $"must be between 0 and {MonitorRules.MaxRetry}");
        if (isPush && input.RetryInterval is not null) errors.Add("retry_interval", "does not apply to push monitors (type 5)");
        if (isPush && input.UpsideDown) errors.Add("upside_down", "does not apply to push monitors (type 5)");
        if (input.Type is null || !Enum.IsDefined((MonitorKind)input.Type.Value))
        {
            errors.Add("type", input.Type is null ? "is required" : $"must be {MonitorKindNames.Choices}, as a number or a name");
            // Its shape depends on the type, but a missing target is wrong for every type: say so now, not after the next try.
            if (string.IsNullOrWhiteSpace(input.Target)) errors.Add("target", "is required");
        }
        else
        {
            var kind = (MonitorKind)input.Type.Value;
            if (kind == MonitorKind.Push) ValidatePush(input, errors);
            else MonitorTargetRules.Validate(kind, input.Target, errors);
            if (input.Http is not null)
            {
                if (kind == MonitorKind.Http) HttpOptionsRules.Validate(input.Http, errors);
                else errors.Add("http", "applies to HTTP monitors (type 1) only");
            }
            if (input.Push is not null && kind != MonitorKind.Push) errors.Add("push", "applies to push monitors (type 5) only");
            if (input.Dns is not null && kind != MonitorKind.Dns) errors.Add("dns", "applies to DNS monitors (type 4) only");
            else if (kind == MonitorKind.Dns) DnsOptionsRules.Validate(input.Dns, errors);
        }

        ValidatePlacement(input, rules, errors);
        if (input.FailThreshold is < 1 or > MonitorRules.MaxFailThreshold)
            errors.Add("fail_threshold", $"must be between 1 and {MonitorRules.MaxFailThreshold}");
        if (input.FailQuorum is < 1)
            errors.Add("fail_quorum", "must be at least 1 host (leave it out for every reporting host)");
        if (input.RecoverThreshold is < 1 or > MonitorRules.MaxFailThreshold)
            errors.Add("recover_threshold", $"must be between 1 and {MonitorRules.MaxFailThreshold}");
        if (input.MaxLatency is <= 0 || (input.MaxLatency is { } latency && !double.IsFinite(latency)))
            errors.Add("max_latency", "must be greater than 0 seconds");
        else if (input.LatencyAlert && input.MaxLatency is null)
            errors.Add("max_latency", "is required when latency_alert is on");
        CertificateRules.Validate(input.TlsExpiryDays, errors);
        if (input.NotificationId is < 1) errors.Add("notification_id", "must be a positive id");
        if (input.EscalationPolicyId is < 1) errors.Add("escalation_policy_id", "must be a positive id");
        return errors.ToDictionary();
    }

    private static void ValidatePush(MonitorInput input, ValidationErrors errors)
    {
        // The target is optional for a push monitor: a note of what pings it (a host, a job name).
        if (input.Target?.Trim().Length > 2048) errors.Add("target", "must be at most 2048 characters");
        PushRules.Validate(input.Push, errors);
    }

    private static void ValidateTiming(MonitorInput input, MonitorRules rules, ValidationErrors errors)
    {
        var durationValid = input.Duration >= rules.MinIntervalSeconds && input.Duration <= MonitorRules.MaxIntervalSeconds;
        if (input.Duration is null) errors.Add("duration", "is required");
        else if (!durationValid)
            errors.Add("duration", $"must be between {rules.MinIntervalSeconds} and {MonitorRules.MaxIntervalSeconds} seconds");

        var timeout = input.EffectiveTimeout;
        if (timeout < 1 || timeout > MonitorRules.MaxTimeoutSeconds)
            errors.Add("timeout", $"must be between 1 and {MonitorRules.MaxTimeoutSeconds} seconds");
        // Compared only with a valid interval: a bad duration is already reported and says what to fix.
        else if (durationValid && timeout >= input.Duration)
            errors.Add("timeout", "must be shorter than duration");

        if (input.Retry is < 0 or > MonitorRules.MaxRetry)
            errors.Add("retry", $"must be between 0 and {MonitorRules.MaxRetry}");
        if (input.RetryInterval is { } retryInterval && durationValid && (retryInterval < rules.MinIntervalSeconds || retryInterval > input.Duration))
            errors.Add("retry_interval", $"must be between {rules.MinIntervalSeconds} seconds and duration ({input.Duration} seconds)");
    }

    private static void ValidatePlacement(MonitorInput input, MonitorRules rules, ValidationErrors errors)
    {
        var executeOn = input.ExecuteOn;
        switch (ExecuteOnInput.ParseKind(executeOn?.Type))
        {
            case null:
                errors.Add("execute_on.type", "must be all, group or hosts");
                break;
            case ExecuteOnKind.Group when executeOn!.GroupId is null:
                errors.Add("execute_on.group_id", "is required when execute_on.type is group");
                break;
            case ExecuteOnKind.Group when !rules.GroupIds.Contains(executeOn!.GroupId!.Value):
                errors.Add("execute_on.group_id", $"host group {executeOn.GroupId} does not exist");
                break;
            case ExecuteOnKind.Hosts when executeOn!.HostIds is null or { Count: 0 }:
                errors.Add("execute_on.host_ids", "lists at least one host when execute_on.type is hosts");
                break;
            case ExecuteOnKind.Hosts:
                AddUnknownHosts("execute_on.host_ids", executeOn!.HostIds!, rules, errors);
                break;
        }
        AddUnknownHosts("skip_hosts", input.SkipHosts ?? [], rules, errors);
    }

    private static void AddUnknownHosts(string field, IReadOnlyList<int> ids, MonitorRules rules, ValidationErrors errors)
    {
        var unknown = ids.Where(id => !rules.HostIds.Contains(id)).Distinct().ToList();
        if (unknown.Count > 0) errors.Add(field, $"unknown host ids: {string.Join(", ", unknown)}");
    }
}
