namespace ProbeDashboard.Core.Monitors;

/// <summary>Checks <c>tls_expiry_days</c>: a short list of whole days, each from 1 to 365.</summary>
internal static class CertificateRules
{
    public const int MaxThresholds = 10;
    public const int MaxDays = 365;

    public static void Validate(IReadOnlyList<int>? days, ValidationErrors errors)
    {
        if (days is null) return;
        if (days.Count > MaxThresholds) errors.Add("tls_expiry_days", $"at most {MaxThresholds} thresholds");
        else if (days.Any(d => d is < 1 or > MaxDays)) errors.Add("tls_expiry_days", $"each threshold must be between 1 and {MaxDays} days");
    }
}
