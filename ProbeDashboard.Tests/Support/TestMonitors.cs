using ProbeDashboard.Core.Monitors;

namespace ProbeDashboard.Tests.Support;

/// <summary>Monitor definitions for tests, with the settings a probe test usually varies.</summary>
public static class TestMonitors
{
    public static MonitorDefinition Http(string name, Uri url, int timeoutSeconds = 2, string? keyword = null, string? expected = null,
        int intervalSeconds = 30, DateTime? at = null) => new()
    {
        Name = name,
        Kind = MonitorKind.Http,
        Target = url.ToString(),
        TimeoutSeconds = timeoutSeconds,
        IntervalSeconds = intervalSeconds,
        Http = new HttpProbeOptions { Keyword = keyword, ExpectedStatusCodes = expected },
        CreatedAt = at ?? TimeProvider.System.GetUtcNow().UtcDateTime,
        UpdatedAt = at ?? TimeProvider.System.GetUtcNow().UtcDateTime,
    };

    public static MonitorDefinition Tcp(string name, string target, int timeoutSeconds = 2) => new()
    {
        Name = name,
        Kind = MonitorKind.Tcp,
        Target = target,
        TimeoutSeconds = timeoutSeconds,
        CreatedAt = TimeProvider.System.GetUtcNow().UtcDateTime,
        UpdatedAt = TimeProvider.System.GetUtcNow().UtcDateTime,
    };
}
