namespace ProbeDashboard.Core.Audit;

/// <summary>
/// Who is acting in the current flow of execution. The host sets it once per HTTP request and per Blazor circuit
/// activity, so the shared (singleton) services the API and the UI both call can record the actor without every
/// signature carrying it.
/// </summary>
public static class AuditActor
{
    public const string System = "system";
    public const string Anonymous = "anonymous";

    private static readonly AsyncLocal<string?> Ambient = new();

    /// <summary>The acting user's name; <see cref="System"/> outside any request or circuit (jobs, start-up).</summary>
    public static string Current => Ambient.Value ?? System;

    /// <summary>Makes <paramref name="name"/> the actor until the returned scope is disposed.</summary>
    public static IDisposable Begin(string? name)
    {
        var previous = Ambient.Value;
        Ambient.Value = string.IsNullOrEmpty(name) ? Anonymous : name;
        return new Restore(previous);
    }

    private sealed class Restore(string? previous) : IDisposable
    {
        public void Dispose() => Ambient.Value = previous;
    }
}
