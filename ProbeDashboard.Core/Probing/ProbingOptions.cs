using System.ComponentModel.DataAnnotations;

namespace ProbeDashboard.Core.Probing;

public class ProbingOptions
{
    public const string Section = "Probing";

    /// <summary>Shortest interval a monitor may use, in seconds. 5 by default; may be set as low as 1.</summary>
    [Range(1, 3600)]
    public int MinIntervalSeconds { get; set; } = 5;

    /// <summary>Name of the server's own probe host; the machine's host name when empty.</summary>
    public string? ServerHostName { get; set; }
}
