namespace ProbeDashboard.Core.StatusPages.Incidents;

/// <summary>What a caller asks an incident to be (API, UI and config import alike); <c>status</c> is its wire name.</summary>
public sealed record IncidentInput(string? Title, string? Body, string? Status, IReadOnlyList<int>? MonitorIds)
{
    public const int MaxTitleLength = 200;
    public const int MaxBodyLength = 20000;
    public const int MaxMonitors = 500;

    /// <summary>Checks everything that needs no database; keys are the API's field names. Empty means valid.</summary>
    public Dictionary<string, string[]> Validate()
    {
        var errors = new Dictionary<string, string[]>();
        if (string.IsNullOrWhiteSpace(Title)) errors["title"] = ["title is required"];
        else if (Title.Trim().Length > MaxTitleLength) errors["title"] = [$"title is longer than {MaxTitleLength} characters"];
        if (Body?.Length > MaxBodyLength) errors["body"] = [$"body is longer than {MaxBodyLength} characters"];
        if (IncidentStatuses.Parse(Status ?? "investigating") is null) errors["status"] = [$"status must be {IncidentStatuses.Choices}"];
        if (MonitorIds?.Count > MaxMonitors) errors["monitor_ids"] = [$"at most {MaxMonitors} monitors"];
        return errors;
    }

    /// <summary>Investigating when not given: a new incident is being looked into.</summary>
    public IncidentStatus ParsedStatus => IncidentStatuses.Parse(Status ?? "investigating")!.Value;
}

/// <summary>An update appended to an incident: the status it moves to (required) and what to tell readers.</summary>
public sealed record IncidentUpdateInput(string? Status, string? Body)
{
    public Dictionary<string, string[]> Validate()
    {
        var errors = new Dictionary<string, string[]>();
        if (Status is null) errors["status"] = ["status is required"];
        else if (IncidentStatuses.Parse(Status) is null) errors["status"] = [$"status must be {IncidentStatuses.Choices}"];
        if (string.IsNullOrWhiteSpace(Body)) errors["body"] = ["body is required"];
        else if (Body.Length > IncidentInput.MaxBodyLength) errors["body"] = [$"body is longer than {IncidentInput.MaxBodyLength} characters"];
        return errors;
    }
}

public enum IncidentOutcome { Done, Invalid, NotFound }

public sealed record IncidentResult(IncidentOutcome Outcome, Incident? Incident = null, IReadOnlyDictionary<string, string[]>? Errors = null)
{
    public static IncidentResult Invalid(IReadOnlyDictionary<string, string[]> errors) => new(IncidentOutcome.Invalid, Errors: errors);
    public static readonly IncidentResult NotFound = new(IncidentOutcome.NotFound);
}
