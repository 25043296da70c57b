namespace ProbeDashboard.Core.Monitors;

/// <summary>A probe host or host group as a pick-list entry.</summary>
public sealed record HostChoice(int Id, string Name);
