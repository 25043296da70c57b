using System.Net;
using System.Text;
using Microsoft.EntityFrameworkCore;
using ProbeDashboard.Core.Audit;
using ProbeDashboard.Core.Auth;
using ProbeDashboard.Tests.Support;
using static ProbeDashboard.Tests.Support.AgentWire;

namespace ProbeDashboard.Tests.Api.Audit;

/// <summary>
/// The changes the audit log used to miss (issue #13), made through the API as an administrator would: each now
/// leaves its entry with the acting user, what was changed and a short diff.
/// </summary>
public class PreviouslyUnauditedChangesTests(DashboardFactory factory) : IClassFixture<DashboardFactory>
{
    [Fact]
    public async Task Deleting_a_host_is_recorded()
    {
        using var admin = await factory.CreateAdminClientAsync();
        var (_, secret) = await CreateTokenAsync(admin, "audited hosts");
        using var agent = Client(factory.CreateClient(), secret);
        var hostId = await RegisterAsync(agent, "doomed-agent");
        var last = await LastIdAsync();

        Assert.Equal(HttpStatusCode.OK, (await admin.DeleteAsync($"/api/v1/hosts/{hostId}")).StatusCode);

        var entry = Assert.Single(await EntriesAfterAsync(last));
        Assert.Equal((AuditActions.HostDelete, DashboardFactory.AdminUser, $"host #{hostId} doomed-agent"), (entry.Action, entry.Actor, entry.Target));
    }

    [Fact]
    public async Task Creating_renaming_and_deleting_a_host_group_is_recorded()
    {
        using var admin = await factory.CreateAdminClientAsync();
        var last = await LastIdAsync();

        using var created = await admin.PostAsync("/api/v1/host-groups", ApiJson.Content(new { name = "edge" }));
        var id = (await created.JsonAsync()).GetProperty("data").GetProperty("id").GetInt32();
        Assert.Equal(HttpStatusCode.OK, (await admin.PutAsync($"/api/v1/host-groups/{id}", ApiJson.Content(new { name = "core" }))).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await admin.DeleteAsync($"/api/v1/host-groups/{id}")).StatusCode);

        var entries = await EntriesAfterAsync(last);
        Assert.Equal([AuditActions.HostGroupCreate, AuditActions.HostGroupRename, AuditActions.HostGroupDelete], entries.Select(e => e.Action));
        Assert.All(entries, e => Assert.Equal(DashboardFactory.AdminUser, e.Actor));
        Assert.Equal("name: edge -> core", entries[1].Detail);
        Assert.Equal($"host group #{id} core", entries[2].Target);
    }

    [Fact]
    public async Task Creating_changing_and_deleting_a_profile_is_recorded()
    {
        using var admin = await factory.CreateAdminClientAsync();
        var last = await LastIdAsync();

        using var created = await admin.PostAsync("/api/v1/profiles", ApiJson.Content(new { language = "java", type = 2, enable = 1, value = "java.io.File" }));
        var id = (await created.JsonAsync()).GetProperty("data").GetProperty("id").GetInt32();
        Assert.Equal(HttpStatusCode.OK, (await admin.PutAsync($"/api/v1/profiles/{id}", ApiJson.Content(new { language = "JAVA", type = 4, enable = 0, value = "java.io.File" }))).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await admin.DeleteAsync($"/api/v1/profiles/{id}")).StatusCode);

        var entries = await EntriesAfterAsync(last);
        Assert.Equal([AuditActions.ProfileCreate, AuditActions.ProfileUpdate, AuditActions.ProfileDelete], entries.Select(e => e.Action));
        Assert.All(entries, e => Assert.Equal($"profile #{id} JAVA", e.Target));
        Assert.Equal("type 2 on java.io.File (0 details) -> type 4 off java.io.File (0 details)", entries[1].Detail);
    }

    [Fact]
    public async Task A_config_import_records_each_item_and_one_summary_and_a_dry_run_records_nothing()
    {
        using var admin = await factory.CreateAdminClientAsync();
        const string document = """
            {"format": "probedashboard-config", "version": 1,
             "host_groups": [{"name": "imported-a"}, {"name": "imported-b"}],
             "iplive_apps": [{"app_name": "imported-app", "token_hash": "0000000000000000000000000000000000000000000000000000000000000001"}]}
            """;
        var last = await LastIdAsync();

        Assert.Equal(HttpStatusCode.OK, (await ImportAsync(admin, document, dryRun: true)).StatusCode);
        Assert.Empty(await EntriesAfterAsync(last));

        Assert.Equal(HttpStatusCode.OK, (await ImportAsync(admin, document, dryRun: false)).StatusCode);
        var entries = await EntriesAfterAsync(last);
        Assert.Equal([AuditActions.HostGroupCreate, AuditActions.HostGroupCreate, AuditActions.IpLiveAppCreate, AuditActions.ConfigImport],
            entries.Select(e => e.Action));
        Assert.All(entries, e => Assert.Equal(DashboardFactory.AdminUser, e.Actor));
        Assert.Equal("host_groups +2 ~0; iplive_apps +1 ~0", entries[^1].Detail);

        var again = await LastIdAsync();
        Assert.Equal(HttpStatusCode.OK, (await ImportAsync(admin, document, dryRun: false)).StatusCode);
        Assert.Equal("nothing changed", Assert.Single(await EntriesAfterAsync(again)).Detail);
    }

    [Fact]
    public async Task Changing_the_retention_is_recorded_with_before_and_after()
    {
        using var admin = await factory.CreateAdminClientAsync();
        Assert.Equal(HttpStatusCode.OK, (await admin.PutAsync("/api/v1/settings/retention", ApiJson.Content(new { raw_days = 10, rollup_days = 100 }))).StatusCode);
        var last = await LastIdAsync();

        Assert.Equal(HttpStatusCode.OK, (await admin.PutAsync("/api/v1/settings/retention", ApiJson.Content(new { raw_days = 12, rollup_days = 120 }))).StatusCode);

        var entry = Assert.Single(await EntriesAfterAsync(last));
        Assert.Equal((AuditActions.RetentionChange, DashboardFactory.AdminUser), (entry.Action, entry.Actor));
        Assert.Equal("raw_days: 10 -> 12, rollup_days: 100 -> 120", entry.Detail);
    }

    private static async Task<HttpResponseMessage> ImportAsync(HttpClient client, string document, bool dryRun) =>
        await client.PostAsync($"/api/v1/config/import?dry_run={(dryRun ? "true" : "false")}", new StringContent(document, Encoding.UTF8, "application/json"));

    private async Task<long> LastIdAsync() => await factory.WithDbAsync(db => db.AuditLog.MaxAsync(e => (long?)e.Id)) ?? 0;

    /// <summary>Entries after <paramref name="id"/>, oldest first, without sign-ins and token requests.</summary>
    private Task<List<AuditEntry>> EntriesAfterAsync(long id) => factory.WithDbAsync(db => db.AuditLog.AsNoTracking()
        .Where(e => e.Id > id && !e.Action.StartsWith("auth.")).OrderBy(e => e.Id).ToListAsync());
}
