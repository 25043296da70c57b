using ProbeDashboard.Core.Monitors;

namespace ProbeDashboard.Monitors;

/// <summary>How the UI draws and names a <see cref="ShownStatus"/>.</summary>
public static class ShownStatusDisplay
{
    public static string CssClass(this ShownStatus status) => "status status-" + status.ToString().ToLowerInvariant();

    /// <summary>The resource key of the status' label.</summary>
    public static string TextKey(this ShownStatus status) => "Status" + status;
}
