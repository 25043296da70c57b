namespace ProbeDashboard.Core.Maintenance;

/// <summary>
/// A maintenance window was added, changed or deleted (published after commit). Carries nothing: every calendar drops
/// its whole copy, which is one small read of the enabled windows.
/// </summary>
public sealed record MaintenanceWindowsChanged
{
    public static readonly MaintenanceWindowsChanged Instance = new();
}
