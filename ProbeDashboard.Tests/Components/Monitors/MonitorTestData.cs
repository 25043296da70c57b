using ProbeDashboard.Core.Monitors;
using ProbeDashboard.Core.Notifications;
using ProbeDashboard.Core.Results;
using ProbeDashboard.Core.Storage;

namespace ProbeDashboard.Tests.Components.Monitors;

/// <summary>Rows put straight into the test database for component tests (what the pages read, not how it got there).</summary>
internal static class MonitorTestData
{
    public static async Task<MonitorDefinition> AddMonitorAsync(ProbeDbContext db, string name, MonitorStatus status = MonitorStatus.Online,
        bool enableAlert = false, int? groupId = null, DateTime? since = null, string? lastError = null, MonitorKind kind = MonitorKind.Http)
    {
        var now = DateTime.UtcNow;
        var monitor = new MonitorDefinition
        {
            Name = name, Kind = kind, Target = kind == MonitorKind.Http ? $"http://127.0.0.1:9/{name}" : "127.0.0.1:9", IntervalSeconds = 30,
            EnableAlert = enableAlert, NotificationGroupId = groupId, CreatedAt = now, UpdatedAt = now, Origin = "ui",
            Current = new MonitorCurrentState { Status = status, StatusSince = since ?? now.AddMinutes(-5), LastProbeAt = now, LastError = lastError },
        };
        db.Monitors.Add(monitor);
        await db.SaveChangesAsync();
        return monitor;
    }

    public static async Task<NotificationGroup> AddGroupAsync(ProbeDbContext db, string name, bool isDefault, bool withRecipient = true)
    {
        var group = new NotificationGroup { Name = name, IsDefault = isDefault, CreatedAt = DateTime.UtcNow, UpdatedAt = DateTime.UtcNow };
        if (withRecipient) group.Recipients.Add(new NotificationRecipient { Channel = NotificationChannelKind.Email, Address = "oncall@example.org" });
        db.NotificationGroups.Add(group);
        await db.SaveChangesAsync();
        return group;
    }

    public static async Task AddResultsAsync(ProbeDbContext db, int monitorId, int hostId, params bool[] successes)
    {
        var now = DateTime.UtcNow;
        db.ProbeResults.AddRange(successes.Select((ok, i) => new ProbeResult
        {
            MonitorId = monitorId, HostId = hostId, Timestamp = now.AddSeconds(-30 * (successes.Length - 1 - i)), Success = ok, LatencyMs = ok ? 42 : 0,
            ErrorMessage = ok ? null : "connection refused",
        }));
        await db.SaveChangesAsync();
    }
}
