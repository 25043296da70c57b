using Microsoft.EntityFrameworkCore;
using ProbeDashboard.Core.Access;
using ProbeDashboard.Core.Auth;
using ProbeDashboard.Core.Monitors;
using ProbeDashboard.Monitors;

namespace ProbeDashboard.Tests.Components.Monitors;

/// <summary>
/// Open dashboards share list pages, but never one read before the change that made them refresh: what each shows is
/// as fresh as a query of its own.
/// </summary>
public sealed class MonitorListPageCacheTests : CoreComponentTest
{
    private static readonly Actor Viewer = Actor.ForRole(1, "viewer", UserRole.Viewer);

    private Task<MonitorListView> FirstPageAsync(long notBefore) =>
        Get<MonitorListPageCache>().GetAsync(Viewer, new MonitorListFilter(), new MonitorSort(), 0, 20, notBefore, CancellationToken.None);

    [Fact]
    public async Task Dashboards_refreshing_for_the_same_event_share_one_read_and_a_later_change_is_read_afresh()
    {
        await MigrateAsync();
        int id;
        await using (var db = Db()) id = (await MonitorTestData.AddMonitorAsync(db, "alpha")).Id;
        var clock = Get<TimeProvider>();

        var eventAt = clock.GetTimestamp();
        var first = await FirstPageAsync(eventAt);
        var second = await FirstPageAsync(eventAt);
        Assert.Same(first, second);
        Assert.Equal("alpha", first.Page.Rows.Single().Name);

        await using (var db = Db())
            await db.Monitors.Where(m => m.Id == id).ExecuteUpdateAsync(s => s.SetProperty(m => m.Name, "beta"));
        var changedAt = clock.GetTimestamp();
        var third = await FirstPageAsync(changedAt);

        Assert.NotSame(first, third);
        Assert.Equal("beta", third.Page.Rows.Single().Name);
    }

    [Fact]
    public async Task A_shared_page_is_still_refused_to_a_caller_without_read_permission()
    {
        await MigrateAsync();
        await using (var db = Db()) await MonitorTestData.AddMonitorAsync(db, "alpha");
        var eventAt = Get<TimeProvider>().GetTimestamp();
        await FirstPageAsync(eventAt);

        var nobody = Actor.ForUser(2, "nobody", []);
        await Assert.ThrowsAsync<AccessDeniedException>(() =>
            Get<MonitorListPageCache>().GetAsync(nobody, new MonitorListFilter(), new MonitorSort(), 0, 20, eventAt, CancellationToken.None));
    }
}
