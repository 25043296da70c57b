using ProbeDashboard.Core.Results;

namespace ProbeDashboard.Tests.Api.OpenApi;

/// <summary>The app with <c>OpenApi:TimeZone</c> set to UTC+8 (no daylight saving).</summary>
public sealed class ShanghaiOpenApiFixture : OpenApiAppFixture
{
    protected override void Configure(Dictionary<string, string?> settings) => settings["OpenApi:TimeZone"] = "Asia/Shanghai";
}

/// <summary>"Today" and "yesterday" of task results are days of the configured zone, labelled in its local time.</summary>
public sealed class OpenApiTimeZoneTests(ShanghaiOpenApiFixture fixture) : IClassFixture<ShanghaiOpenApiFixture>
{
    [Fact]
    public async Task Hours_of_today_and_yesterday_follow_the_configured_time_zone()
    {
        var client = await fixture.CreateClientAsync();
        var tid = await OpenApiAppFixture.CreateTaskAsync(client, "http://127.0.0.1:9/zone");
        var now = DateTime.UtcNow;
        await fixture.WriteResultsAsync(new ProbeResult
        {
            MonitorId = await fixture.MonitorIdAsync(tid), HostId = await fixture.ServerHostIdAsync(), Timestamp = now, Success = true, LatencyMs = 42,
        });

        var data = (await client.GetAsync($"/openapi/v1/task/{tid}/result/", ("avg_resp_time", "0"), ("usable_rate", "1"))).AssertOk().Data;
        var local = now.AddHours(8);
        var today = data.GetProperty("avg_resp_time").EnumerateArray().ToList();
        Assert.Equal(local.Hour + 1, today.Count);
        Assert.Equal(local.ToString("yyyy-MM-dd") + " 00:00", today[0].GetProperty("time").GetString());
        Assert.Equal(42.0, today[^1].GetProperty("value").GetDouble());
        Assert.Equal(local.ToString("yyyy-MM-dd HH:00"), today[^1].GetProperty("time").GetString());

        var yesterday = data.GetProperty("usable_rate").EnumerateArray().ToList();
        Assert.Equal(24, yesterday.Count);
        Assert.Equal(local.AddDays(-1).ToString("yyyy-MM-dd") + " 00:00", yesterday[0].GetProperty("time").GetString());
        Assert.Equal(local.AddDays(-1).ToString("yyyy-MM-dd") + " 23:00", yesterday[^1].GetProperty("time").GetString());
    }
}
