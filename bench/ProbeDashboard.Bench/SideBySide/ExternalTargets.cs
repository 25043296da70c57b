using System.Diagnostics;

namespace ProbeDashboard.Bench.SideBySide;

/// <summary>
/// Targets the bench does not start itself: the process serving them (its CPU is reported beside ours) and the URL
/// monitor i probes.
/// </summary>
public sealed record ExternalTargets(Process Process, Func<int, string> UrlFor);
