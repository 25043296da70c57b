using System.Net;
using System.Text;
using Microsoft.EntityFrameworkCore;
using ProbeDashboard.Core.Monitors;
using ProbeDashboard.Tests.Support;

namespace ProbeDashboard.Tests.Api.Push;

/// <summary>The ping URLs: each form records the right result through the writer; unknown and paused tokens record nothing.</summary>
public class PushPingApiTests(PushTestFactory factory) : IClassFixture<PushTestFactory>
{
    private static readonly object Period = new { period = 300, grace = 60 };

    [Fact]
    public async Task A_success_ping_is_a_stored_success_and_the_monitor_is_online()
    {
        using var client = await factory.OperatorAsync();
        var (id, url) = await factory.CreatePushMonitorAsync(client, Period);
        using var anonymous = factory.CreateClient();

        using var response = await anonymous.GetAsync(url);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("OK", await response.Content.ReadAsStringAsync());
        Assert.StartsWith("text/plain", response.Content.Headers.ContentType!.ToString());
        var result = Assert.Single(await factory.ResultsAsync(id));
        Assert.True(result.Success);
        var monitor = await factory.WithDbAsync(db => db.Monitors.AsNoTracking().SingleAsync(m => m.Id == id));
        Assert.Equal(MonitorStatus.Online, monitor.Current.Status);
    }

    [Fact]
    public async Task Fail_and_a_non_zero_exit_status_are_failures_and_a_post_body_is_kept_as_the_message()
    {
        using var client = await factory.OperatorAsync();
        var (id, url) = await factory.CreatePushMonitorAsync(client, Period);
        using var anonymous = factory.CreateClient();

        Assert.Equal(HttpStatusCode.OK, (await anonymous.PostAsync($"{url}/fail", new StringContent("disk full"))).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await anonymous.PostAsync($"{url}/3", new StringContent("rsync: connection reset", Encoding.UTF8))).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await anonymous.GetAsync($"{url}/0")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await anonymous.GetAsync($"{url}?status=down&msg=kuma%20says%20no&ping=42")).StatusCode);

        var results = await factory.ResultsAsync(id);
        Assert.Equal([false, false, true, false], results.Select(r => r.Success));
        Assert.Equal("disk full", results[0].ErrorMessage);
        Assert.Equal("exit status 3: rsync: connection reset", results[1].ErrorMessage);
        Assert.Equal(("kuma says no", 42.0), (results[3].ErrorMessage, results[3].LatencyMs));
    }

    [Fact]
    public async Task Start_then_success_stores_the_runs_duration_as_latency()
    {
        using var client = await factory.OperatorAsync();
        var (id, url) = await factory.CreatePushMonitorAsync(client, Period);
        using var anonymous = factory.CreateClient();

        Assert.Equal("OK, run started", await (await anonymous.GetAsync($"{url}/start")).Content.ReadAsStringAsync());
        Assert.Empty(await factory.ResultsAsync(id));
        factory.Clock.Advance(TimeSpan.FromSeconds(42));
        await anonymous.GetAsync(url);

        var result = Assert.Single(await factory.ResultsAsync(id));
        Assert.True(result.Success);
        Assert.Equal(42_000, result.LatencyMs, precision: 0);
    }

    [Fact]
    public async Task A_large_body_keeps_its_first_10_KB()
    {
        using var client = await factory.OperatorAsync();
        var (id, url) = await factory.CreatePushMonitorAsync(client, Period);
        using var anonymous = factory.CreateClient();

        await anonymous.PostAsync(url, new StringContent(new string('a', 10_240) + new string('b', 50_000)));

        var message = Assert.Single(await factory.ResultsAsync(id)).ErrorMessage;
        Assert.Equal(new string('a', 10_240), message);
    }

    [Fact]
    public async Task An_unknown_token_is_the_same_404_whatever_its_shape_and_records_nothing()
    {
        using var anonymous = factory.CreateClient();
        var before = await factory.WithDbAsync(db => db.ProbeResults.CountAsync());

        var answers = new List<(HttpStatusCode, string)>();
        foreach (var path in new[] { "/api/push/" + new string('A', 32), "/api/push/short", "/api/push/" + new string('A', 32) + "/fail" })
        {
            using var response = await anonymous.GetAsync(path);
            answers.Add((response.StatusCode, await response.Content.ReadAsStringAsync()));
        }

        Assert.All(answers, a => Assert.Equal((HttpStatusCode.NotFound, "not found"), a));
        Assert.Equal(before, await factory.WithDbAsync(db => db.ProbeResults.CountAsync()));
    }

    [Fact]
    public async Task A_paused_monitor_answers_200_and_records_nothing()
    {
        using var client = await factory.OperatorAsync();
        var (id, url) = await factory.CreatePushMonitorAsync(client, Period);
        await client.PatchAsync($"{PushTestFactory.BasePath}/{id}/toggle", ApiJson.Content(new { enable = false }));
        using var anonymous = factory.CreateClient();

        using var response = await anonymous.GetAsync(url);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Empty(await factory.ResultsAsync(id));
        var monitor = await factory.WithDbAsync(db => db.Monitors.AsNoTracking().SingleAsync(m => m.Id == id));
        Assert.Null(monitor.PushDeadline);
    }

    [Theory]
    [InlineData("/256")]
    [InlineData("/reboot")]
    [InlineData("?status=maybe")]
    [InlineData("?ping=soon")]
    public async Task A_ping_that_cannot_be_read_is_400_and_records_nothing(string suffix)
    {
        using var client = await factory.OperatorAsync();
        var (id, url) = await factory.CreatePushMonitorAsync(client, Period);
        using var anonymous = factory.CreateClient();

        using var response = await anonymous.GetAsync(url + suffix);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Empty(await factory.ResultsAsync(id));
    }

    [Fact]
    public async Task Head_pings_count_too()
    {
        using var client = await factory.OperatorAsync();
        var (id, url) = await factory.CreatePushMonitorAsync(client, Period);
        using var anonymous = factory.CreateClient();

        using var response = await anonymous.SendAsync(new HttpRequestMessage(HttpMethod.Head, url));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.True(Assert.Single(await factory.ResultsAsync(id)).Success);
    }
}
