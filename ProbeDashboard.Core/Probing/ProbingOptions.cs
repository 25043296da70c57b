using System.ComponentModel.DataAnnotations;

namespace ProbeDashboard.Core.Probing;

public class ProbingOptions : IValidatableObject
{
    public const string Section = "Probing";

    /// <summary>Shortest interval a monitor may use, in seconds. 5 by default; may be set as low as 1.</summary>
    [Range(1, 3600)]
    public int MinIntervalSeconds { get; set; } = 5;

    /// <summary>Name of the server's own probe host; the machine's host name when empty.</summary>
    public string? ServerHostName { get; set; }

    /// <summary>Runs the Quartz probe scheduler. Off in API tests that drive probes themselves.</summary>
    public bool SchedulerEnabled { get; set; } = true;

    /// <summary>
    /// Probes in flight at once. Probes mostly wait on the network, so this can be far above the core count.
    /// Needed: probes per second × typical probe duration (10,000 monitors at 30 s that take 2 s each: ~670).
    /// When it is reached, rounds wait (start late) rather than being dropped.
    /// </summary>
    [Range(1, 100_000)]
    public int MaxConcurrentProbes { get; set; } = 2000;

    /// <summary>How often the schedule is compared with the database, in seconds, in case a change event was lost.</summary>
    [Range(5, 3600)]
    public int ReconcileSeconds { get; set; } = 45;

    /// <summary>
    /// A PEM bundle of CA certificates that TLS monitors and https probes trust besides the system's roots (a private
    /// CA). Empty: the system's roots only. A monitor's <c>http.ignore_tls_errors</c> still skips validation altogether.
    /// </summary>
    public string? TrustedCaFile { get; set; }

    /// <summary>A trusted CA file that cannot be read stops the start with the reason, instead of failing every probe.</summary>
    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        string? problem = null;
        try
        {
            TlsTrust.Load(TrustedCaFile);
        }
        catch (InvalidOperationException e)
        {
            problem = e.Message;
        }
        if (problem is not null) yield return new ValidationResult(problem, [nameof(TrustedCaFile)]);
    }
}
