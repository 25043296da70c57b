using System.Globalization;
using ProbeDashboard.Core.Alerts.Conditions;
using ProbeDashboard.Core.Alerts.Evaluation;
using ProbeDashboard.Core.Monitors;

namespace ProbeDashboard.Core.Alerts.Engine;

/// <summary>
/// A monitor's certificate alerts from its <c>tls_expiry_days</c> (say 21, 14, 7): one candidate per band between
/// two thresholds ("cert_days_left &lt;= 14 &amp;&amp; cert_days_left &gt; 7"), so a certificate found at 5 days
/// raises the 7-day alert alone, and one that runs down raises each threshold once. Each band is warning, the last
/// critical. Passing into a lower band closes the higher one quietly (<see cref="ClosesQuietly"/>): only a renewed
/// certificate is good news worth announcing.
/// </summary>
public static class CertificateAlerts
{
    public static IEnumerable<AlertCandidate> For(MonitorDefinition monitor, int? notificationGroupId, bool usesDefaults, int? escalationPolicyId)
    {
        if (!monitor.ChecksCertificate || monitor.TlsExpiryDays.Count == 0) yield break;
        var thresholds = monitor.TlsExpiryDays.Distinct().OrderDescending().ToList();
        var name = $"TLS certificate of {HostOf(monitor)}";
        for (var i = 0; i < thresholds.Count; i++)
        {
            var last = i == thresholds.Count - 1;
            // Whole days (ints) format the same in every culture.
            var condition = last
                ? $"{AlertMetrics.CertificateDaysLeft} <= {thresholds[i]}"
                : $"{AlertMetrics.CertificateDaysLeft} <= {thresholds[i]} && {AlertMetrics.CertificateDaysLeft} > {thresholds[i + 1]}";
            yield return new AlertCandidate(AlertSource.ForCertificate(monitor.Id, thresholds[i]), null, name, condition,
                AlertCandidate.ParsedMonitorCondition(condition), new AlertPolicy(0),
                last ? AlertLevel.Critical : AlertLevel.Warning, notificationGroupId, usesDefaults, escalationPolicyId)
            {
                CertificateThreshold = thresholds[i],
            };
        }
    }

    /// <summary>"TLS certificate of shop.example expires in 5 days"; "... has expired" once it has.</summary>
    public static string Title(string name, AlertTargetSample sample)
    {
        if (!sample.Metrics.TryGetValue(AlertMetrics.CertificateDaysLeft, out var days)) return name;
        return days switch
        {
            < 0 => $"{name} has expired",
            1 => $"{name} expires in 1 day",
            _ => string.Create(CultureInfo.InvariantCulture, $"{name} expires in {days} days"),
        };
    }

    /// <summary>
    /// True when a band's event would resolve only because the certificate moved on into a lower band: that is no
    /// recovery, so it closes without a "resolved" notice (the lower band's alert says what matters now).
    /// </summary>
    public static bool ClosesQuietly(AlertCandidate candidate, AlertTargetSample sample, AlertStep step) =>
        candidate.CertificateThreshold is { } threshold
        && step.Changes.HasFlag(AlertChanges.Resolved)
        && sample.Metrics.TryGetValue(AlertMetrics.CertificateDaysLeft, out var days)
        && days <= threshold;

    private static string HostOf(MonitorDefinition monitor) =>
        monitor.Kind == MonitorKind.Http && Uri.TryCreate(monitor.Target, UriKind.Absolute, out var uri) ? uri.Host
        : MonitorTargetRules.TryParseHostPort(monitor.Target, out var host, out _) ? host
        : monitor.Target;
}
