using System.Net;
using System.Text;
using Microsoft.EntityFrameworkCore;
using ProbeDashboard.Core.Audit;
using ProbeDashboard.Tests.Support;
using static ProbeDashboard.Tests.Support.IpLiveWire;

namespace ProbeDashboard.Tests.Api.Audit;

/// <summary>
/// Changes to many monitors at once used to leave no audit entry: an iplive app's group commands and a config
/// import. Each monitor they change now has its own entry naming who changed it; a dry run records nothing.
/// </summary>
public class MonitorBulkAuditTests(DashboardFactory factory) : IClassFixture<DashboardFactory>
{
    [Fact]
    public async Task Iplive_group_commands_leave_one_entry_per_monitor_they_change_in_the_apps_name()
    {
        using var admin = await factory.CreateAdminClientAsync();
        var token = await CreateAppAsync(admin, "audited");
        using var client = factory.CreateClient();
        (string, string)[] group = [("app_name", "audited"), ("token", token), ("group_id", "4"), ("record_ids", "1:2"), ("ips", "127.0.0.1:127.0.0.2")];

        var created = await EntriesAfterAsync(async () => await AssertCodeAsync(await PostFormAsync(client, "/operate_monitor", group), 0));
        var again = await EntriesAfterAsync(async () => await AssertCodeAsync(await PostFormAsync(client, "/operate_monitor", group), 0));
        var moved = await EntriesAfterAsync(async () => await AssertCodeAsync(await PostFormAsync(client, "/update_monitor",
            ("app_name", "audited"), ("token", token), ("group_id", "4"), ("record_id", "2"), ("ip", "127.0.0.3")), 0));
        var stopped = await EntriesAfterAsync(async () => await AssertCodeAsync(await PostFormAsync(client, "/stop_monitor",
            ("app_name", "audited"), ("token", token), ("group_id", "4")), 0));

        Assert.Equal([AuditActions.MonitorCreate, AuditActions.MonitorCreate], created.Select(e => e.Action));
        Assert.Empty(again);
        Assert.Equal(AuditActions.MonitorUpdate, Assert.Single(moved).Action);
        Assert.Contains("target", Assert.Single(moved).Detail);
        Assert.Equal([AuditActions.MonitorToggle, AuditActions.MonitorToggle], stopped.Select(e => e.Action));
        Assert.All(created.Concat(moved).Concat(stopped), e => Assert.Equal("iplive:audited", e.Actor));
        Assert.Equal(2, created.Concat(stopped).Select(e => e.Target).Distinct().Count());
    }

    [Fact]
    public async Task A_config_import_leaves_one_entry_per_monitor_it_creates_or_changes_and_a_dry_run_none()
    {
        using var admin = await factory.CreateAdminClientAsync();
        const string document = """
            {"format": "probedashboard-config", "version": 1, "monitors": [
              {"name": "imported-a", "type": "http", "target": "http://127.0.0.1:9/a", "duration": 60},
              {"name": "imported-b", "type": "tcp", "target": "127.0.0.1:9", "duration": 60}]}
            """;

        var dryRun = await EntriesAfterAsync(() => ImportAsync(admin, document, dryRun: true));
        var first = await EntriesAfterAsync(() => ImportAsync(admin, document, dryRun: false));
        var unchanged = await EntriesAfterAsync(() => ImportAsync(admin, document, dryRun: false));
        var changed = await EntriesAfterAsync(() => ImportAsync(admin, document.Replace("/a\"", "/a2\""), dryRun: false));

        Assert.Empty(dryRun);
        Assert.Equal(["monitor.create imported-a", "monitor.create imported-b"], first.Select(e => $"{e.Action} {e.Target.Split(' ')[^1]}"));
        Assert.Empty(unchanged);
        var update = Assert.Single(changed);
        Assert.Equal((AuditActions.MonitorUpdate, DashboardFactory.AdminUser), (update.Action, update.Actor));
        Assert.EndsWith("changed target", update.Detail);
        Assert.All(first, e => Assert.Equal(DashboardFactory.AdminUser, e.Actor));
    }

    private static async Task ImportAsync(HttpClient client, string document, bool dryRun)
    {
        using var content = new StringContent(document, Encoding.UTF8, "application/json");
        using var response = await client.PostAsync($"/api/v1/config/import?dry_run={(dryRun ? "true" : "false")}", content);
        Assert.True(response.StatusCode == HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
    }

    /// <summary>The monitor entries <paramref name="change"/> added, oldest first (sign-ins and tokens are left out).</summary>
    private async Task<List<AuditEntry>> EntriesAfterAsync(Func<Task> change)
    {
        var last = await factory.WithDbAsync(db => db.AuditLog.MaxAsync(e => (long?)e.Id)) ?? 0;
        await change();
        return await factory.WithDbAsync(db => db.AuditLog.Where(e => e.Id > last && e.Action.StartsWith("monitor.")).OrderBy(e => e.Id).ToListAsync());
    }
}
