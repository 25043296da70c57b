using ProbeDashboard.Core.Monitors;
using ProbeDashboard.Tests.Support;

namespace ProbeDashboard.Tests.Core.Monitors;

/// <summary>The list's default order, what is down first and then by name, as an operator pages through it.</summary>
public class MonitorListOrderTests
{
    [Fact]
    public async Task Down_monitors_come_first_by_name_then_the_rest_by_name_and_pages_meet_without_a_gap_or_a_repeat()
    {
        await using var core = await PipelineServices.StartAsync(startWriter: false);
        // Added out of name order; two share a name (the id decides); a paused monitor that was down is not "down".
        foreach (var (name, status, enabled) in new[]
        {
            ("web", MonitorStatus.Online, true), ("db", MonitorStatus.Offline, true), ("api", MonitorStatus.Unknown, true),
            ("cache", MonitorStatus.Offline, true), ("mail", MonitorStatus.Offline, false), ("dns", MonitorStatus.Online, true),
            ("cache", MonitorStatus.Online, true), ("queue", MonitorStatus.Offline, true),
        })
            await core.AddMonitorAsync(Monitor(name, status, enabled));
        var queries = core.Get<MonitorQueries>();

        var pages = new List<MonitorListRow>();
        for (var skip = 0; skip < 8; skip += 2)
        {
            var page = await queries.ListAsync(TestActors.Viewer, new MonitorListFilter(), new MonitorSort(), skip, 2, CancellationToken.None);
            Assert.Equal(8, page.Total);
            pages.AddRange(page.Rows);
        }

        Assert.Equal(["cache", "db", "queue", "api", "cache", "dns", "mail", "web"], pages.Select(r => r.Name));
        Assert.Equal(MonitorStatus.Offline, pages[0].Status);
        Assert.Equal(MonitorStatus.Online, pages[4].Status);
        Assert.Equal(8, pages.Select(r => r.Id).Distinct().Count());
    }

    [Fact]
    public async Task A_search_keeps_the_order_within_what_it_matches()
    {
        await using var core = await PipelineServices.StartAsync(startWriter: false);
        foreach (var (name, status) in new[] { ("shop-b", MonitorStatus.Online), ("blog", MonitorStatus.Offline), ("shop-a", MonitorStatus.Online), ("shop-c", MonitorStatus.Offline) })
            await core.AddMonitorAsync(Monitor(name, status, enabled: true));

        var page = await core.Get<MonitorQueries>().ListAsync(TestActors.Viewer, new MonitorListFilter(Search: "shop"), new MonitorSort(), 0, 20, CancellationToken.None);

        Assert.Equal(3, page.Total);
        Assert.Equal(["shop-c", "shop-a", "shop-b"], page.Rows.Select(r => r.Name));
    }

    private static MonitorDefinition Monitor(string name, MonitorStatus status, bool enabled) => new()
    {
        Name = name, Kind = MonitorKind.Tcp, Target = "127.0.0.1:9", IntervalSeconds = 30, Enabled = enabled,
        Current = new MonitorCurrentState { Status = status }, CreatedAt = DateTime.UtcNow, UpdatedAt = DateTime.UtcNow,
    };
}
