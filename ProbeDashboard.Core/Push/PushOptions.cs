using System.ComponentModel.DataAnnotations;

namespace ProbeDashboard.Core.Push;

/// <summary>Push monitor settings (section <c>Push</c>).</summary>
public sealed class PushOptions
{
    public const string Section = "Push";

    /// <summary>How often due deadlines are looked for, in seconds: a miss is recorded at most this late.</summary>
    [Range(1, 60)]
    public int SweepSeconds { get; set; } = 5;
}
