using Microsoft.Extensions.DependencyInjection;
using ProbeDashboard.Core.Access;
using ProbeDashboard.Core.Availability;
using ProbeDashboard.Core.Monitors;
using ProbeDashboard.Core.StatusPages;
using ProbeDashboard.Tests.Support;

namespace ProbeDashboard.Tests.Api.StatusPages;

/// <summary>
/// A dashboard on a frozen clock (no day boundary mid-test), with helpers that store monitors whose targets and
/// errors are secrets the public must never see, and daily rollups for the 90-day bar.
/// </summary>
public class StatusPageFactory : DashboardFactory
{
    private static int _serial;

    public StatusPageFactory() => Time = Clock;

    public ManualTimeProvider Clock { get; } = new();

    public DateTime Today => Clock.GetUtcNow().UtcDateTime.Date;

    /// <summary>A monitor whose target, host and last error are unique secrets (<see cref="SecretsOf"/>).</summary>
    public async Task<MonitorDefinition> AddMonitorAsync(MonitorStatus status = MonitorStatus.Online, bool enabled = true)
    {
        var n = Interlocked.Increment(ref _serial);
        var monitor = new MonitorDefinition
        {
            Name = $"internal-name-{n}",
            Kind = MonitorKind.Http,
            Enabled = enabled,
            Target = $"http://secret-host-{n}.internal.test:8443/private/health",
            CreatedAt = DateTime.UtcNow,
            UpdatedAt = DateTime.UtcNow,
            Current = new MonitorCurrentState { Status = status, LastError = $"connection refused by 10.9.8.{n}", LastStatusCode = 503 },
        };
        await WithDbAsync(async db => { db.Monitors.Add(monitor); await db.SaveChangesAsync(); });
        return monitor;
    }

    public static IEnumerable<string> SecretsOf(MonitorDefinition monitor) =>
        [monitor.Target, new Uri(monitor.Target).Host, monitor.Current.LastError!, "/private/health"];

    /// <summary>Daily rollups for <paramref name="daysAgo"/> (0 = today), split over two hosts as real ones are.</summary>
    public Task AddDayAsync(int monitorId, int daysAgo, int total, int successes, double latencySumMs = 0) => WithDbAsync(async db =>
    {
        var start = DateTime.SpecifyKind(Today.AddDays(-daysAgo), DateTimeKind.Utc);
        db.AvailabilityBuckets.Add(new AvailabilityBucket { MonitorId = monitorId, HostId = 1, Size = BucketSize.Day, Start = start, Total = total - total / 2, Successes = successes - successes / 2, LatencySumMs = latencySumMs / 2 });
        db.AvailabilityBuckets.Add(new AvailabilityBucket { MonitorId = monitorId, HostId = 2, Size = BucketSize.Day, Start = start, Total = total / 2, Successes = successes / 2, LatencySumMs = latencySumMs / 2 });
        await db.SaveChangesAsync();
    });

    public Task AddHourAsync(int monitorId, int hoursAgo, int total, int successes, double latencySumMs) => WithDbAsync(async db =>
    {
        var now = Clock.GetUtcNow().UtcDateTime.AddHours(-hoursAgo);
        var start = new DateTime(now.Year, now.Month, now.Day, now.Hour, 0, 0, DateTimeKind.Utc);
        db.AvailabilityBuckets.Add(new AvailabilityBucket { MonitorId = monitorId, HostId = 1, Size = BucketSize.Hour, Start = start, Total = total, Successes = successes, LatencySumMs = latencySumMs });
        await db.SaveChangesAsync();
    });

    /// <summary>Creates a page through the service, as the system; the slug is unique per call.</summary>
    public async Task<StatusPage> AddPageAsync(bool published, string? domain, params (string Title, (int Id, string? Name)[] Monitors)[] sections)
    {
        var slug = $"page-{Interlocked.Increment(ref _serial)}";
        var input = new StatusPageInput(slug, $"Status of {slug}", "Our services", domain,
            [.. sections.Select(s => new StatusPageSectionInput(s.Title, [.. s.Monitors.Select(m => new StatusPageItemInput(m.Id, m.Name))]))],
            ShowLatency: true, Footer: "Contact: support", Published: published);
        var saved = await Services.GetRequiredService<StatusPageService>().CreateAsync(Actor.System, input, CancellationToken.None);
        Assert.True(saved.Outcome == StatusPageOutcome.Done, saved.Message);
        return saved.Page!;
    }
}
