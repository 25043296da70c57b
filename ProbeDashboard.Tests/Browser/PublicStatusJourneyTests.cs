using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using ProbeDashboard.Core.Access;
using ProbeDashboard.Core.Availability;
using ProbeDashboard.Core.Monitors;
using ProbeDashboard.Core.StatusPages;
using ProbeDashboard.Core.StatusPages.Incidents;
using ProbeDashboard.Core.Storage;
using static Microsoft.Playwright.Assertions;

namespace ProbeDashboard.Tests.Browser;

/// <summary>
/// An anonymous reader on a published page of the real app: the 90-day bar from stored daily rollups, a monitor whose
/// real target on 127.0.0.1 stops going down on the open page without a reload, an incident, and the subscribe form;
/// then the same states with JavaScript off. Nothing of the target shows in the HTML, summary.json or the feed.
/// </summary>
[Trait("Category", "Browser")]
public class PublicStatusJourneyTests(BrowserFixture fixture) : IClassFixture<BrowserFixture>
{
    /// <summary>The page refreshes itself every 30 s from a copy the server keeps 15 s; probes run every second.</summary>
    private static readonly float LiveUpdate = 120_000;

    [Fact]
    public async Task A_reader_sees_history_a_live_outage_an_incident_and_subscribes_with_and_without_scripts()
    {
        using var cts = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        await using var target = await LocalTarget.StartAsync(cts.Token);
        var services = fixture.App.Services;
        var saved = await services.GetRequiredService<MonitorService>().CreateAsync(Actor.System, new MonitorInput
        {
            Name = $"internal-{Guid.NewGuid():N}"[..18], Type = (int)MonitorKind.Http, Target = target.Url, Duration = 2, Timeout = 1,
        }, "test", CancellationToken.None);
        Assert.True(saved.Monitor is not null, string.Join("; ", saved.Errors.SelectMany(e => e.Value)));
        var monitorId = saved.Monitor.Id;
        await AddDayAsync(monitorId, daysAgo: 3, total: 100, successes: 50);
        var slug = $"journey-{Guid.NewGuid():N}"[..16];
        var page = (await services.GetRequiredService<StatusPageService>().CreateAsync(Actor.System, new StatusPageInput(slug, "Journey status", null, null,
            [new StatusPageSectionInput("Core", [new StatusPageItemInput(monitorId, "Public API")])], false, null, true), CancellationToken.None)).Page!;
        await Eventually(async () => (await StatusAsync(monitorId)) == MonitorStatus.Online, "the monitor to be online");

        var context = await fixture.Browser.NewContextAsync(new() { BaseURL = fixture.App.BaseUrl, Locale = "en-US" });
        var reader = await context.NewPageAsync();
        await FailureArtifacts.RunAsync(reader, async () =>
        {
            await reader.GotoAsync($"/status/{slug}");
            var monitor = reader.Locator("li.monitor").Filter(new() { HasText = "Public API" });
            await Expect(monitor.Locator(".day")).ToHaveCountAsync(PublicStatusReader.BarDays);
            await Expect(monitor.Locator(".day").Nth(PublicStatusReader.BarDays - 1 - 3)).ToHaveAttributeAsync("title", new System.Text.RegularExpressions.Regex("50 % available"));
            await Expect(monitor.Locator(".day").Nth(PublicStatusReader.BarDays - 1 - 3)).ToHaveClassAsync(new System.Text.RegularExpressions.Regex(@"\bdown\b"));
            await Expect(reader.GetByRole(AriaRole.Status)).ToHaveTextAsync("All systems operational", new() { Timeout = LiveUpdate });

            await target.StopAsync(cts.Token);
            await services.GetRequiredService<IncidentService>().CreateAsync(Actor.System, page.Id,
                new IncidentInput("API unreachable", "We are **on it**.", null, [monitorId]), CancellationToken.None);
            await Expect(monitor.Locator(".state")).ToHaveTextAsync("Down", new() { Timeout = LiveUpdate });
            await Expect(reader.GetByRole(AriaRole.Status)).ToHaveTextAsync("Major outage");
            await Expect(reader.Locator("li.incident").Filter(new() { HasText = "API unreachable" })).ToContainTextAsync("on it");

            await reader.GetByLabel("E-mail address").FillAsync("reader@example.test");
            await reader.GetByRole(AriaRole.Button, new() { Name = "Subscribe" }).ClickAsync();
            await Expect(reader.GetByRole(AriaRole.Heading, new() { Name = "Check your inbox" })).ToBeVisibleAsync();
        });
        await context.CloseAsync();

        var noScripts = await fixture.Browser.NewContextAsync(new() { BaseURL = fixture.App.BaseUrl, Locale = "en-US", JavaScriptEnabled = false });
        var plain = await noScripts.NewPageAsync();
        await FailureArtifacts.RunAsync(plain, async () =>
        {
            await plain.GotoAsync($"/status/{slug}");
            await Expect(plain.GetByRole(AriaRole.Status)).ToHaveTextAsync("Major outage");
            await Expect(plain.Locator("li.monitor .state")).ToHaveTextAsync("Down");
            await Expect(plain.Locator("li.monitor .day")).ToHaveCountAsync(PublicStatusReader.BarDays);
            await Expect(plain.Locator("li.incident").Filter(new() { HasText = "API unreachable" })).ToContainTextAsync("on it");
            await plain.GetByLabel("E-mail address").FillAsync("plain@example.test");
            await plain.GetByRole(AriaRole.Button, new() { Name = "Subscribe" }).ClickAsync();
            await Expect(plain.GetByRole(AriaRole.Heading, new() { Name = "Check your inbox" })).ToBeVisibleAsync();
        });
        await noScripts.CloseAsync();

        using var http = new HttpClient { BaseAddress = new Uri(fixture.App.BaseUrl) };
        var authority = new Uri(target.Url).Authority;
        foreach (var path in new[] { $"/status/{slug}", $"/status/{slug}/summary.json", $"/status/{slug}/feed" })
        {
            var body = await http.GetStringAsync(path);
            Assert.DoesNotContain(authority, body);
            Assert.DoesNotContain("/health", body);
            Assert.DoesNotContain(saved.Monitor.Name, body);
        }
        Assert.Equal(2, await WithDbAsync(db => db.StatusPageSubscribers.CountAsync(s => s.StatusPageId == page.Id && s.ConfirmedAt == null)));
    }

    private Task AddDayAsync(int monitorId, int daysAgo, int total, int successes) => WithDbAsync(async db =>
    {
        var day = DateTime.SpecifyKind(DateTime.UtcNow.Date.AddDays(-daysAgo), DateTimeKind.Utc);
        db.AvailabilityBuckets.Add(new AvailabilityBucket { MonitorId = monitorId, HostId = 1, Size = BucketSize.Day, Start = day, Total = total, Successes = successes });
        return await db.SaveChangesAsync();
    });

    private Task<MonitorStatus> StatusAsync(int monitorId) =>
        WithDbAsync(db => db.Monitors.Where(m => m.Id == monitorId).Select(m => m.Current.Status).SingleAsync());

    private async Task<T> WithDbAsync<T>(Func<ProbeDbContext, Task<T>> work)
    {
        await using var db = await fixture.App.Services.GetRequiredService<IDbContextFactory<ProbeDbContext>>().CreateDbContextAsync();
        return await work(db);
    }

    private static Task Eventually(Func<Task<bool>> probe, string what) => Support.Eventually.TrueAsync(probe, what, timeoutMs: 60_000);
}
