using ProbeDashboard.Core.Access;
using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ProbeDashboard.Core.Monitors;
using ProbeDashboard.Tests.Support;
using static ProbeDashboard.Tests.Support.IpLiveWire;

namespace ProbeDashboard.Tests.Api.Compat;

/// <summary>Seed 002's operate_monitor, update_monitor and stop_monitor: parameters, defaults, codes, and the monitors they make.</summary>
public class IpLiveApiTests(DashboardFactory factory) : IClassFixture<DashboardFactory>
{
    private static int _apps;

    private async Task<(HttpClient Client, string App, string Token)> AppAsync()
    {
        var name = $"shop{Interlocked.Increment(ref _apps)}";
        var token = await CreateAppAsync(await factory.CreateAdminClientAsync(), name);
        return (factory.CreateClient(), name, token);
    }

    private Task<List<MonitorDefinition>> MonitorsOfAsync(string app, long group) =>
        factory.WithDbAsync(db => db.Monitors.AsNoTracking().Where(m => m.Origin == $"iplive:{app}/{group}").OrderBy(m => m.Id).ToListAsync());

    private Task<int> ServerHostAsync() => factory.WithDbAsync(db => db.Hosts.Where(h => h.IsServer).Select(h => h.Id).SingleAsync());

    [Fact]
    public async Task Operate_monitor_turns_each_record_into_a_monitor_with_the_seeds_defaults_and_its_origin()
    {
        var (client, app, token) = await AppAsync();
        using var response = await PostFormAsync(client, "/operate_monitor", ("app_name", app), ("token", token), ("group_id", "7"),
            ("record_ids", "11:12"), ("ips", "127.0.0.1:127.0.0.2"), ("path", "health"), ("domain", "www.example.test"),
            ("cookies", "sid=1"), ("http_code", "200"));
        var json = await AssertCodeAsync(response, 0);

        var records = json.GetProperty("data").GetProperty("records").EnumerateArray().ToList();
        Assert.Equal([11L, 12L], records.Select(r => r.GetProperty("record_id").GetInt64()));
        var monitors = await MonitorsOfAsync(app, 7);
        Assert.Equal(records.Select(r => r.GetProperty("monitor_id").GetInt32()), monitors.Select(m => m.Id));
        var first = monitors[0];
        Assert.Equal((MonitorKind.Http, "http://127.0.0.1:80/health", 60, 3, 0), (first.Kind, first.Target, first.IntervalSeconds, first.TimeoutSeconds, first.Retry));
        Assert.Equal(("www.example.test", "sid=1", "200"), (first.Http.HostHeader, first.Http.Cookies, first.Http.ExpectedStatusCodes));
        Assert.Equal("http://127.0.0.2:80/health", monitors[1].Target);
        Assert.Equal([await ServerHostAsync()], first.ExecuteOnHostIds);
        Assert.True(first.Enabled);
    }

    [Fact]
    public async Task Operate_monitor_takes_a_json_body_and_updates_the_records_it_already_has()
    {
        var (client, app, token) = await AppAsync();
        using var created = await client.PostAsync("/operate_monitor", AgentWire.Json(new Dictionary<string, object>
        {
            ["app_name"] = app, ["token"] = token, ["group_id"] = 3, ["record_ids"] = "1", ["ips"] = "127.0.0.1", ["protocol"] = "https",
        }));
        var id = (await AssertCodeAsync(created, 0)).GetProperty("data").GetProperty("records")[0].GetProperty("monitor_id").GetInt32();
        Assert.Equal("https://127.0.0.1:443/", (await MonitorsOfAsync(app, 3)).Single().Target);

        client.DefaultRequestHeaders.Add("token", token);
        using var updated = await PostFormAsync(client, "/operate_monitor", ("app_name", app), ("group_id", "3"), ("record_ids", "1:2"),
            ("ips", "127.0.0.3:127.0.0.4"), ("protocol", "tcp"), ("port", "2222"), ("interval", "120"), ("retry_count", "2"));
        await AssertCodeAsync(updated, 0);

        var monitors = await MonitorsOfAsync(app, 3);
        Assert.Equal(id, monitors[0].Id);
        Assert.Equal((MonitorKind.Tcp, "127.0.0.3:2222", 120, 2), (monitors[0].Kind, monitors[0].Target, monitors[0].IntervalSeconds, monitors[0].Retry));
        Assert.Equal("127.0.0.4:2222", monitors[1].Target);
    }

    public static TheoryData<string, (string, string)[]> MissingParams => new()
    {
        { "app_name", [("group_id", "1"), ("record_ids", "1"), ("ips", "127.0.0.1")] },
        { "group_id", [("app_name", "{app}"), ("record_ids", "1"), ("ips", "127.0.0.1")] },
        { "record_ids", [("app_name", "{app}"), ("group_id", "1"), ("ips", "127.0.0.1")] },
        { "ips", [("app_name", "{app}"), ("group_id", "1"), ("record_ids", "1")] },
        { "port", [("app_name", "{app}"), ("group_id", "1"), ("record_ids", "1"), ("ips", "127.0.0.1"), ("protocol", "tcp")] },
    };

    [Theory]
    [MemberData(nameof(MissingParams))]
    public async Task A_missing_required_parameter_is_1002_naming_it(string missing, (string, string)[] fields)
    {
        var (client, app, token) = await AppAsync();
        using var response = await PostFormAsync(client, "/operate_monitor", [.. fields.Select(f => (f.Item1, f.Item2.Replace("{app}", app))), ("token", token)]);
        var json = await AssertCodeAsync(response, 1002);
        Assert.Contains(missing, json.GetProperty("msg").GetString());
    }

    public static TheoryData<string, string, string> InvalidParams => new()
    {
        { "record_ids", "1:2", "paired by position" },
        { "interval", "abc", "interval" },
        { "interval", "2", "interval" },
        { "timeout", "90", "timeout" },
        { "protocol", "gopher", "protocol" },
        { "port", "70000", "port" },
        { "http_code", "abc", "http_code" },
        { "group_id", "seven", "group_id" },
    };

    [Theory]
    [MemberData(nameof(InvalidParams))]
    public async Task An_invalid_parameter_is_1003_and_changes_nothing(string field, string value, string mentioned)
    {
        var (client, app, token) = await AppAsync();
        var fields = new Dictionary<string, string> { ["app_name"] = app, ["token"] = token, ["group_id"] = "1", ["record_ids"] = "1", ["ips"] = "127.0.0.1" };
        fields[field] = value;
        using var response = await PostFormAsync(client, "/operate_monitor", [.. fields.Select(f => (f.Key, f.Value))]);
        var json = await AssertCodeAsync(response, 1003);
        Assert.Contains(mentioned, json.GetProperty("msg").GetString());
        Assert.Empty(await MonitorsOfAsync(app, 1));
        Assert.False(await factory.WithDbAsync(db => db.IpLiveGroups.AnyAsync(g => g.GroupId == 1 && db.IpLiveApps.Any(a => a.Id == g.AppId && a.AppName == app))));
    }

    [Fact]
    public async Task A_bad_ip_in_the_list_is_1003()
    {
        var (client, app, token) = await AppAsync();
        using var response = await PostFormAsync(client, "/operate_monitor", ("app_name", app), ("token", token), ("group_id", "1"), ("record_ids", "1:2"), ("ips", "127.0.0.1:not-an-ip"));
        await AssertCodeAsync(response, 1003);
        Assert.Empty(await MonitorsOfAsync(app, 1));
    }

    [Fact]
    public async Task A_wrong_or_missing_token_is_1004_and_an_unknown_app_is_1005()
    {
        var (client, app, _) = await AppAsync();
        var (_, otherApp, otherToken) = await AppAsync();
        (string, string)[] group = [("group_id", "1"), ("record_ids", "1"), ("ips", "127.0.0.1")];

        await AssertCodeAsync(await PostFormAsync(client, "/operate_monitor", [("app_name", app), .. group]), 1004);
        await AssertCodeAsync(await PostFormAsync(client, "/operate_monitor", [("app_name", app), ("token", otherToken), .. group]), 1004);
        await AssertCodeAsync(await PostFormAsync(client, "/update_monitor", ("app_name", app), ("token", "ipl_wrong"), ("group_id", "1"), ("record_id", "1"), ("ip", "127.0.0.1")), 1004);
        await AssertCodeAsync(await PostFormAsync(client, "/stop_monitor", ("app_name", app), ("group_id", "1")), 1004);
        var unknown = await AssertCodeAsync(await PostFormAsync(client, "/operate_monitor", [("app_name", "no-such-app"), ("token", otherToken), .. group]), 1005);
        Assert.Contains("no-such-app", unknown.GetProperty("msg").GetString());
        Assert.Empty(await MonitorsOfAsync(app, 1));
        Assert.Empty(await MonitorsOfAsync(otherApp, 1));
    }

    [Fact]
    public async Task Update_monitor_moves_one_record_to_a_new_ip_and_keeps_its_monitor()
    {
        var (client, app, token) = await AppAsync();
        await AssertCodeAsync(await PostFormAsync(client, "/operate_monitor", ("app_name", app), ("token", token), ("group_id", "5"),
            ("record_ids", "1:2"), ("ips", "127.0.0.1:127.0.0.2"), ("port", "8080"), ("path", "/up")), 0);
        var before = await MonitorsOfAsync(app, 5);

        var json = await AssertCodeAsync(await PostFormAsync(client, "/update_monitor", ("app_name", app), ("token", token), ("group_id", "5"), ("record_id", "2"), ("ip", "127.0.0.9")), 0);
        Assert.Equal(before[1].Id, json.GetProperty("data").GetProperty("records")[0].GetProperty("monitor_id").GetInt32());
        var after = await MonitorsOfAsync(app, 5);
        Assert.Equal(["http://127.0.0.1:8080/up", "http://127.0.0.9:8080/up"], after.Select(m => m.Target));

        await AssertCodeAsync(await PostFormAsync(client, "/update_monitor", ("app_name", app), ("token", token), ("group_id", "5"), ("record_id", "3"), ("ip", "127.0.0.9")), 1003);
        await AssertCodeAsync(await PostFormAsync(client, "/update_monitor", ("app_name", app), ("token", token), ("group_id", "6"), ("record_id", "1"), ("ip", "127.0.0.9")), 1003);
        await AssertCodeAsync(await PostFormAsync(client, "/update_monitor", ("app_name", app), ("token", token), ("group_id", "5"), ("record_id", "1"), ("ip", "nope")), 1003);
        await AssertCodeAsync(await PostFormAsync(client, "/update_monitor", ("app_name", app), ("token", token), ("group_id", "5"), ("record_id", "1")), 1002);
    }

    [Fact]
    public async Task Stop_monitor_pauses_the_whole_group_until_the_next_operate_monitor()
    {
        var (client, app, token) = await AppAsync();
        (string, string)[] group = [("app_name", app), ("token", token), ("group_id", "9"), ("record_ids", "1:2"), ("ips", "127.0.0.1:127.0.0.2")];
        await AssertCodeAsync(await PostFormAsync(client, "/operate_monitor", group), 0);

        await AssertCodeAsync(await PostFormAsync(client, "/stop_monitor", ("app_name", app), ("token", token), ("group_id", "9")), 0);
        Assert.All(await MonitorsOfAsync(app, 9), m => Assert.False(m.Enabled));
        await AssertCodeAsync(await PostFormAsync(client, "/stop_monitor", ("app_name", app), ("token", token), ("group_id", "10")), 1003);
        await AssertCodeAsync(await PostFormAsync(client, "/stop_monitor", ("app_name", app), ("token", token)), 1002);

        await AssertCodeAsync(await PostFormAsync(client, "/operate_monitor", group), 0);
        Assert.All(await MonitorsOfAsync(app, 9), m => Assert.True(m.Enabled));
    }

    [Fact]
    public async Task Operator_settings_made_in_the_dashboard_survive_the_apps_next_operate_monitor()
    {
        var (client, app, token) = await AppAsync();
        (string, string)[] group = [("app_name", app), ("token", token), ("group_id", "4"), ("record_ids", "1"), ("ips", "127.0.0.1")];
        await AssertCodeAsync(await PostFormAsync(client, "/operate_monitor", group), 0);
        var monitor = (await MonitorsOfAsync(app, 4)).Single();
        var service = factory.Services.GetRequiredService<MonitorService>();
        var edited = await service.UpdateAsync(Actor.System, monitor.Id, MonitorInput.From(monitor) with { EnableAlert = true, FailThreshold = 5 }, CancellationToken.None);
        Assert.Empty(edited.Errors);

        await AssertCodeAsync(await PostFormAsync(client, "/operate_monitor", group), 0);
        var after = (await MonitorsOfAsync(app, 4)).Single();
        Assert.Equal((true, 5, $"iplive:{app}/4"), (after.EnableAlert, after.FailThreshold, after.Origin));
    }

    [Fact]
    public async Task A_monitor_deleted_in_the_dashboard_is_recreated_by_the_apps_next_operate_monitor()
    {
        var (client, app, token) = await AppAsync();
        (string, string)[] group = [("app_name", app), ("token", token), ("group_id", "8"), ("record_ids", "1"), ("ips", "127.0.0.1")];
        await AssertCodeAsync(await PostFormAsync(client, "/operate_monitor", group), 0);
        var first = (await MonitorsOfAsync(app, 8)).Single().Id;
        Assert.True(await factory.Services.GetRequiredService<MonitorService>().DeleteAsync(Actor.System, first, CancellationToken.None));

        await AssertCodeAsync(await PostFormAsync(client, "/update_monitor", ("app_name", app), ("token", token), ("group_id", "8"), ("record_id", "1"), ("ip", "127.0.0.2")), 1003);
        await AssertCodeAsync(await PostFormAsync(client, "/operate_monitor", group), 0);
        Assert.NotEqual(first, (await MonitorsOfAsync(app, 8)).Single().Id);
    }
}
