using System.Net;
using System.Xml.Linq;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ProbeDashboard.Core.Monitors;
using ProbeDashboard.Core.Results;
using ProbeDashboard.Core.StatusPages;
using ProbeDashboard.Tests.Support;

namespace ProbeDashboard.Tests.Api.StatusPages;

/// <summary>Public SVG badges: valid SVG with the right text, cache headers, and a 404 for monitors on no published page.</summary>
public class BadgeTests(StatusPageFactory factory) : IClassFixture<StatusPageFactory>
{
    private static readonly XNamespace Svg = "http://www.w3.org/2000/svg";

    [Fact]
    public async Task Status_uptime_and_latency_badges_are_valid_svg_with_the_monitors_figures()
    {
        var monitor = await factory.AddMonitorAsync(MonitorStatus.Offline);
        await factory.AddHourAsync(monitor.Id, 1, 1000, 999, latencySumMs: 999 * 250.0);
        await factory.AddHourAsync(monitor.Id, 50, 1000, 900, latencySumMs: 0);
        await factory.AddDayAsync(monitor.Id, 3, 100, 50);
        await factory.AddPageAsync(true, null, ("All", [(monitor.Id, null)]));
        using var client = factory.CreateClient();

        Assert.Equal(("status", "down"), await BadgeAsync(client, $"/badge/{monitor.Id}/status.svg"));
        Assert.Equal(("uptime 24h", "99.9%"), await BadgeAsync(client, $"/badge/{monitor.Id}/uptime.svg"));
        Assert.Equal(("uptime 7d", "94.95%"), await BadgeAsync(client, $"/badge/{monitor.Id}/uptime.svg?window=7d"));
        Assert.Equal(("uptime 30d", "50%"), await BadgeAsync(client, $"/badge/{monitor.Id}/uptime.svg?window=30d"));
        Assert.Equal(("latency", "250 ms"), await BadgeAsync(client, $"/badge/{monitor.Id}/latency.svg"));
        Assert.Equal(("certificate", "no data"), await BadgeAsync(client, $"/badge/{monitor.Id}/certificate.svg"));
    }

    [Fact]
    public async Task The_certificate_badge_counts_the_days_left_of_the_latest_certificate_seen()
    {
        var monitor = await factory.AddMonitorAsync();
        var now = factory.Clock.GetUtcNow().UtcDateTime;
        await factory.WithDbAsync(async db =>
        {
            var hostId = await db.Hosts.OrderBy(h => h.Id).Select(h => h.Id).FirstAsync();
            db.ProbeResults.Add(new ProbeResult { MonitorId = monitor.Id, HostId = hostId, Timestamp = now.AddMinutes(-5), Success = true, CertificateExpiresAt = now.AddDays(40.5) });
            await db.SaveChangesAsync();
        });
        await factory.AddPageAsync(true, null, ("All", [(monitor.Id, null)]));

        Assert.Equal(("certificate", "40 days"), await BadgeAsync(factory.CreateClient(), $"/badge/{monitor.Id}/certificate.svg"));
    }

    [Fact]
    public async Task A_monitor_on_no_published_page_has_no_badges_and_latency_needs_a_page_that_shows_it()
    {
        var unlisted = await factory.AddMonitorAsync();
        var hidden = await factory.AddMonitorAsync();
        await factory.AddPageAsync(false, null, ("All", [(hidden.Id, null)]));
        var quiet = await factory.AddMonitorAsync();
        var page = await factory.AddPageAsync(true, null, ("All", [(quiet.Id, null)]));
        await factory.WithDbAsync(db => db.StatusPages.Where(p => p.Id == page.Id).ExecuteUpdateAsync(s => s.SetProperty(p => p.ShowLatency, false)));
        factory.Services.GetRequiredService<PublicStatusCache>().Invalidate();
        using var client = factory.CreateClient();

        foreach (var badge in new[] { "status.svg", "uptime.svg", "latency.svg", "certificate.svg" })
        {
            Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/badge/{unlisted.Id}/{badge}")).StatusCode);
            Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/badge/{hidden.Id}/{badge}")).StatusCode);
        }
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/badge/{quiet.Id}/latency.svg")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync($"/badge/{quiet.Id}/status.svg")).StatusCode);
        using var badWindow = await client.GetAsync($"/badge/{quiet.Id}/uptime.svg?window=1y");
        Assert.Equal(HttpStatusCode.BadRequest, badWindow.StatusCode);
        Assert.Contains("24h, 7d or 30d", await badWindow.Content.ReadAsStringAsync());
    }

    private static async Task<(string Label, string Value)> BadgeAsync(HttpClient client, string path)
    {
        using var response = await client.GetAsync(path);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("image/svg+xml", response.Content.Headers.ContentType!.MediaType);
        Assert.Equal(TimeSpan.FromSeconds(60), response.Headers.CacheControl!.MaxAge);
        Assert.True(response.Headers.CacheControl.Public);
        var svg = XDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal(Svg + "svg", svg.Root!.Name);
        Assert.True(int.Parse(svg.Root.Attribute("width")!.Value) > 40);
        var texts = svg.Descendants(Svg + "text").Select(t => t.Value).ToList();
        Assert.Equal(2, texts.Count);
        Assert.Equal($"{texts[0]}: {texts[1]}", svg.Root.Element(Svg + "title")!.Value);
        return (texts[0], texts[1]);
    }
}
