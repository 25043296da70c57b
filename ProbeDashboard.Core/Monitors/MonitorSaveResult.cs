namespace ProbeDashboard.Core.Monitors;

/// <summary>Outcome of creating or updating a monitor: the saved monitor, per-field errors, or an unknown id.</summary>
public sealed record MonitorSaveResult
{
    private static readonly IReadOnlyDictionary<string, string[]> NoErrors = new Dictionary<string, string[]>();

    public MonitorDefinition? Monitor { get; private init; }
    /// <summary>Problems keyed by wire field name; empty unless the input was rejected.</summary>
    public IReadOnlyDictionary<string, string[]> Errors { get; private init; } = NoErrors;
    public bool NotFound { get; private init; }
    /// <summary>The input asked for what the monitor already was: nothing was saved or recorded.</summary>
    public bool WasUnchanged { get; private init; }

    public static MonitorSaveResult Saved(MonitorDefinition monitor) => new() { Monitor = monitor };
    public static MonitorSaveResult Unchanged(MonitorDefinition monitor) => new() { Monitor = monitor, WasUnchanged = true };
    public static MonitorSaveResult Invalid(IReadOnlyDictionary<string, string[]> errors) => new() { Errors = errors };
    public static readonly MonitorSaveResult Missing = new() { NotFound = true };
}
