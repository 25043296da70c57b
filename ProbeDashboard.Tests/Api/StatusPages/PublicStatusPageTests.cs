using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using ProbeDashboard.Core.Access;
using ProbeDashboard.Core.Monitors;
using ProbeDashboard.Core.StatusPages;
using ProbeDashboard.Tests.Support;

namespace ProbeDashboard.Tests.Api.StatusPages;

/// <summary>
/// The public page as an anonymous reader without scripts (plain HTTP): made from the daily and hourly rollups, the
/// same data in summary.json, and nothing the page does not show (targets, hosts, errors, internal names).
/// </summary>
public partial class PublicStatusPageTests(StatusPageFactory factory) : IClassFixture<StatusPageFactory>
{
    [Fact]
    public async Task The_page_shows_a_90_day_bar_per_monitor_from_the_rollups_with_uptime_and_latency()
    {
        var api = await factory.AddMonitorAsync();
        var web = await factory.AddMonitorAsync();
        await factory.AddDayAsync(api.Id, 0, 100, 100);
        await factory.AddDayAsync(api.Id, 1, 200, 150);
        await factory.AddDayAsync(api.Id, 89, 10, 10);
        await factory.AddDayAsync(api.Id, 95, 10, 0);  // outside the bar and the 90-day uptime
        await factory.AddHourAsync(api.Id, 1, 60, 30, latencySumMs: 30 * 120.0);
        var page = await factory.AddPageAsync(true, null, ("Core", [(api.Id, "Public API")]), ("Sites", [(web.Id, null)]));
        using var client = factory.CreateClient();

        using var response = await client.GetAsync($"/status/{page.Slug}");
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType!.MediaType);
        Assert.Contains("max-age=", response.Headers.CacheControl!.ToString());
        Assert.Contains("<h1>Status of " + page.Slug + "</h1>", html);
        Assert.Contains("All systems operational", html);
        Assert.Equal(2 * 90, DayCell().Matches(html).Count);
        var apiCells = DayCell().Matches(html).Take(90).Select(m => m.Groups["level"].Value).ToList();
        Assert.Equal("up", apiCells[0]);
        Assert.Equal("down", apiCells[88]);  // 75 %
        Assert.Equal("up", apiCells[89]);
        Assert.Equal(87, apiCells.Count(c => c == "none"));
        Assert.Contains($"{factory.Today.AddDays(-1):yyyy-MM-dd}: 75 % available", html);
        Assert.Contains("<dd>50 %</dd>", html);       // 24 h from the hourly rollups
        Assert.Contains("<dd>83.87 %</dd>", html);    // 90 d: 260 of 310 (the day 95 days ago is out)
        Assert.Contains("<dd>83.33 %</dd>", html);    // 30 d: 250 of 300
        Assert.Contains("<dd>120 ms</dd>", html);
        Assert.Contains("Public API", html);
        Assert.Contains(web.Name, html);              // no display name: the monitor's own
        Assert.DoesNotContain(api.Name, html);        // a display name hides the internal one
    }

    [Fact]
    public async Task Nothing_private_leaks_into_the_html_or_the_summary()
    {
        var down = await factory.AddMonitorAsync(MonitorStatus.Offline);
        var up = await factory.AddMonitorAsync();
        var page = await factory.AddPageAsync(true, null, ("All", [(down.Id, "Checkout"), (up.Id, "Search")]));
        using var client = factory.CreateClient();

        var html = await client.GetStringAsync($"/status/{page.Slug}");
        var json = await client.GetStringAsync($"/status/{page.Slug}/summary.json");

        foreach (var secret in StatusPageFactory.SecretsOf(down).Concat(StatusPageFactory.SecretsOf(up)).Append(down.Name).Append(up.Name).Append("503"))
        {
            Assert.DoesNotContain(secret, html);
            Assert.DoesNotContain(secret, json);
        }
        Assert.DoesNotContain($"\"{page.Id}\"", json);
        Assert.DoesNotContain("page_id", json);
    }

    [Fact]
    public async Task The_summary_has_the_same_data_as_the_page()
    {
        var down = await factory.AddMonitorAsync(MonitorStatus.Offline);
        var up = await factory.AddMonitorAsync();
        var paused = await factory.AddMonitorAsync(MonitorStatus.Offline, enabled: false);
        await factory.AddDayAsync(up.Id, 2, 4, 3);
        var page = await factory.AddPageAsync(true, null, ("All", [(down.Id, "Checkout"), (up.Id, "Search"), (paused.Id, "Reports")]));
        using var client = factory.CreateClient();

        using var response = await client.GetAsync($"/status/{page.Slug}/summary.json");
        var summary = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("partial_outage", summary.GetProperty("state").GetString());
        var monitors = summary.GetProperty("sections")[0].GetProperty("monitors").EnumerateArray().ToList();
        Assert.Equal(["Checkout", "Search", "Reports"], monitors.Select(m => m.GetProperty("name").GetString()));
        Assert.Equal(["down", "operational", "unknown"], monitors.Select(m => m.GetProperty("state").GetString()));
        Assert.Equal(up.Id, monitors[1].GetProperty("id").GetInt32());
        var days = monitors[1].GetProperty("days");
        Assert.Equal(90, days.GetArrayLength());
        Assert.Equal(factory.Today.AddDays(-2).ToString("yyyy-MM-dd"), days[87].GetProperty("date").GetString());
        Assert.Equal(75, days[87].GetProperty("availability").GetDouble());
        Assert.Equal(JsonValueKind.Null, days[88].GetProperty("availability").ValueKind);
        Assert.Equal(75, monitors[1].GetProperty("uptime_30d").GetDouble());
        Assert.Contains("Partial outage", await client.GetStringAsync($"/status/{page.Slug}"));
    }

    [Fact]
    public async Task Every_monitor_down_is_a_major_outage()
    {
        var a = await factory.AddMonitorAsync(MonitorStatus.Offline);
        var b = await factory.AddMonitorAsync(MonitorStatus.Offline);
        var page = await factory.AddPageAsync(true, null, ("All", [(a.Id, null), (b.Id, null)]));
        using var client = factory.CreateClient();
        Assert.Contains("Major outage", await client.GetStringAsync($"/status/{page.Slug}"));
    }

    [Fact]
    public async Task Unknown_and_unpublished_pages_are_404_pages_and_unpublishing_takes_effect_at_once()
    {
        var monitor = await factory.AddMonitorAsync();
        var hidden = await factory.AddPageAsync(false, null, ("All", [(monitor.Id, null)]));
        var shown = await factory.AddPageAsync(true, null, ("All", [(monitor.Id, null)]));
        using var client = factory.CreateClient();

        foreach (var path in new[] { $"/status/{hidden.Slug}", "/status/no-such-page", $"/status/{hidden.Slug}/summary.json" })
            Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync(path)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync($"/status/{shown.Slug}")).StatusCode);
        using var notFound = await client.GetAsync($"/status/{hidden.Slug}");
        Assert.Contains("Status page not found", await notFound.Content.ReadAsStringAsync());

        var pages = factory.Services.GetRequiredService<StatusPageService>();
        await pages.UpdateAsync(Actor.System, shown.Id, new StatusPageInput(shown.Slug, shown.Title, null, null, [], null, null, Published: false), CancellationToken.None);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/status/{shown.Slug}")).StatusCode);
    }

    [Fact]
    public async Task A_custom_domain_serves_its_page_at_the_root_and_other_hosts_keep_the_dashboard()
    {
        var monitor = await factory.AddMonitorAsync();
        var domain = $"status-{Guid.NewGuid():N}.example.com";
        var page = await factory.AddPageAsync(true, domain, ("All", [(monitor.Id, "Shop")]));
        using var client = factory.CreateClient(new() { AllowAutoRedirect = false });

        using var onDomain = new HttpRequestMessage(HttpMethod.Get, "/");
        onDomain.Headers.Host = domain.ToUpperInvariant();
        using var pageResponse = await client.SendAsync(onDomain);
        using var summaryRequest = new HttpRequestMessage(HttpMethod.Get, "/summary.json");
        summaryRequest.Headers.Host = domain;
        using var summary = await client.SendAsync(summaryRequest);
        using var elsewhere = await client.GetAsync("/");

        Assert.Equal(HttpStatusCode.OK, pageResponse.StatusCode);
        Assert.Contains("Shop", await pageResponse.Content.ReadAsStringAsync());
        Assert.Contains(page.Slug, await summary.Content.ReadAsStringAsync());
        Assert.DoesNotContain("Shop", await elsewhere.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task A_deleted_monitor_leaves_the_page()
    {
        var kept = await factory.AddMonitorAsync();
        var removed = await factory.AddMonitorAsync();
        var page = await factory.AddPageAsync(true, null, ("All", [(kept.Id, "Kept"), (removed.Id, "Removed")]));
        await factory.Services.GetRequiredService<MonitorService>().DeleteAsync(Actor.System, removed.Id, CancellationToken.None);
        factory.Services.GetRequiredService<PublicStatusCache>().Invalidate();

        var html = await factory.CreateClient().GetStringAsync($"/status/{page.Slug}");

        Assert.Contains("Kept", html);
        Assert.DoesNotContain("Removed", html);
    }

    [Fact]
    public async Task The_page_speaks_the_readers_language_and_its_assets_are_served()
    {
        var monitor = await factory.AddMonitorAsync();
        var page = await factory.AddPageAsync(true, null, ("All", [(monitor.Id, null)]));
        using var client = factory.CreateClient();
        using var chinese = new HttpRequestMessage(HttpMethod.Get, $"/status/{page.Slug}");
        chinese.Headers.AcceptLanguage.ParseAdd("zh-Hans");

        // The renderer writes non-ASCII text as character references; a browser reads them the same.
        var zh = WebUtility.HtmlDecode(await (await client.SendAsync(chinese)).Content.ReadAsStringAsync());
        Assert.True(zh.Contains("所有系统运行正常"), zh);
        Assert.Contains("All systems operational", await client.GetStringAsync($"/status/{page.Slug}"));
        Assert.Contains(".bar", await client.GetStringAsync("/status-assets/status.css"));
        Assert.Contains("replaceChildren", await client.GetStringAsync("/status-assets/status.js"));
    }

    [GeneratedRegex("""<span class="day (?<level>\w+)" title="[^"]*"></span>""")]
    private static partial Regex DayCell();
}
