namespace ProbeDashboard.Core.Alerts.Escalation;

/// <param name="AfterSeconds">Seconds after the previous step (the first: after the event fires).</param>
public sealed record EscalationStepInput(int? AfterSeconds, IReadOnlyList<int>? NotificationGroupIds);

/// <summary>
/// What a caller asks an escalation policy to be (API, UI, config import). Null <see cref="Repeat"/> is 0, null
/// <see cref="StopOnAcknowledge"/> is true.
/// </summary>
public sealed record EscalationPolicyInput(string? Name, IReadOnlyList<EscalationStepInput?>? Steps, int? Repeat = null, bool? StopOnAcknowledge = null)
{
    public const int MaxSteps = 20;
    public const int MaxRepeat = 100;
    public const int MaxAfterSeconds = 7 * 24 * 3600;
    public const int MaxGroupsPerStep = 20;

    /// <summary>Checks everything that needs no database; keys are the API's field names ("steps[1].after_seconds").</summary>
    /// <param name="minSeconds">Alerts:MinEscalationSeconds: the least time between two steps (the first step may be 0).</param>
    public Dictionary<string, string[]> Validate(int minSeconds)
    {
        var errors = new Dictionary<string, string[]>();
        if (string.IsNullOrWhiteSpace(Name)) errors["name"] = ["name is required"];
        else if (Name.Trim().Length > 200) errors["name"] = ["name is longer than 200 characters"];
        if (Steps is null || Steps.Count == 0) errors["steps"] = ["steps must list at least one step"];
        else if (Steps.Count > MaxSteps) errors["steps"] = [$"at most {MaxSteps} steps"];
        else
        {
            for (var i = 0; i < Steps.Count; i++)
            {
                var step = Steps[i];
                var least = i == 0 ? 0 : minSeconds;
                if (step?.AfterSeconds is not { } after) errors[$"steps[{i}].after_seconds"] = ["after_seconds is required"];
                else if (after < least || after > MaxAfterSeconds)
                    errors[$"steps[{i}].after_seconds"] = [$"after_seconds of step {i + 1} must be between {least} and {MaxAfterSeconds}" +
                        (i == 0 ? "" : " (Alerts:MinEscalationSeconds is the least time between two steps)")];
                var groups = step?.NotificationGroupIds ?? [];
                if (groups.Count == 0) errors[$"steps[{i}].notification_group_ids"] = [$"step {i + 1} must name at least one notification group"];
                else if (groups.Count > MaxGroupsPerStep) errors[$"steps[{i}].notification_group_ids"] = [$"at most {MaxGroupsPerStep} groups per step"];
                else if (groups.Any(g => g <= 0)) errors[$"steps[{i}].notification_group_ids"] = ["notification_group_ids must be positive ids"];
            }
        }
        if (Repeat is < 0 or > MaxRepeat) errors["repeat"] = [$"repeat must be between 0 and {MaxRepeat}"];
        else if (Repeat > 0 && Steps is { Count: > 0 } && Steps[^1]?.AfterSeconds is { } last && last < minSeconds)
            errors["repeat"] = [$"repeating the last step needs its after_seconds to be at least {minSeconds}"];
        return errors;
    }

    /// <summary>Copies a validated input onto <paramref name="policy"/> (not its times).</summary>
    public void ApplyTo(EscalationPolicy policy)
    {
        policy.Name = Name!.Trim();
        policy.Steps = [.. Steps!.Select(s => new EscalationStep(s!.AfterSeconds!.Value, [.. s.NotificationGroupIds!.Distinct()]))];
        policy.Repeat = Repeat ?? 0;
        policy.StopOnAcknowledge = StopOnAcknowledge ?? true;
    }

    /// <summary>The input that would store <paramref name="policy"/> as it is.</summary>
    public static EscalationPolicyInput Of(EscalationPolicy policy) =>
        new(policy.Name, [.. policy.Steps.Select(s => new EscalationStepInput(s.AfterSeconds, s.NotificationGroupIds))], policy.Repeat, policy.StopOnAcknowledge);

    /// <summary>"0 s → #1, #2; 300 s → #3; repeat 2; stops on acknowledge": what the audit log records.</summary>
    public static string Describe(EscalationPolicy policy) =>
        string.Join("; ", policy.Steps.Select(s => $"{s.AfterSeconds} s → {string.Join(", ", s.NotificationGroupIds.Select(g => $"#{g}"))}")) +
        $"; repeat {policy.Repeat}; {(policy.StopOnAcknowledge ? "stops" : "goes on")} on acknowledge";
}

public enum EscalationChangeOutcome { Done, Invalid, NotFound, Conflict }

/// <param name="Changed">False when a save matched the stored policy: nothing was written or audited.</param>
public sealed record EscalationChangeResult(EscalationChangeOutcome Outcome, EscalationPolicy? Policy = null, string Message = "",
    IReadOnlyDictionary<string, string[]>? Errors = null, bool Changed = true);
