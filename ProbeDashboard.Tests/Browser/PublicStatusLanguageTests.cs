using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using ProbeDashboard.Core.Access;
using ProbeDashboard.Core.Monitors;
using ProbeDashboard.Core.StatusPages;
using ProbeDashboard.Core.StatusPages.Incidents;
using static Microsoft.Playwright.Assertions;

namespace ProbeDashboard.Tests.Browser;

/// <summary>
/// A reader who chose Chinese on a browser whose own locale is English: the page's times, localized by its script in
/// the reader's zone, are written in the page's language too, not in the browser's.
/// </summary>
[Trait("Category", "Browser")]
public class PublicStatusLanguageTests(BrowserFixture fixture) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task Times_on_a_Chinese_page_are_written_in_Chinese_in_the_readers_zone()
    {
        var services = fixture.App.Services;
        var saved = await services.GetRequiredService<MonitorService>().CreateAsync(Actor.System, new MonitorInput
        {
            Name = "language", Type = (int)MonitorKind.Http, Target = "http://127.0.0.1:9/", Duration = 60,
        }, "test", CancellationToken.None);
        var slug = $"lang-{Guid.NewGuid():N}"[..14];
        var page = (await services.GetRequiredService<StatusPageService>().CreateAsync(Actor.System, new StatusPageInput(slug, "Language", null, null,
            [new StatusPageSectionInput("Core", [new StatusPageItemInput(saved.Monitor!.Id, "API")])], false, null, true), CancellationToken.None)).Page!;
        var incident = (await services.GetRequiredService<IncidentService>().CreateAsync(Actor.System, page.Id,
            new IncidentInput("Slow", "Looking", null, [saved.Monitor.Id]), CancellationToken.None)).Incident!;

        var context = await fixture.Browser.NewContextAsync(new() { BaseURL = fixture.App.BaseUrl, Locale = "en-US", TimezoneId = "Asia/Shanghai" });
        await context.AddCookiesAsync([new Cookie { Name = ".AspNetCore.Culture", Value = Uri.EscapeDataString("c=zh-Hans|uic=zh-Hans"), Url = fixture.App.BaseUrl }]);
        var reader = await context.NewPageAsync();
        await FailureArtifacts.RunAsync(reader, async () =>
        {
            await reader.GotoAsync($"/status/{slug}");
            var posted = TimeZoneInfo.ConvertTimeFromUtc(incident.CreatedAt, TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai"));
            await Expect(reader.Locator("li.incident time").First).ToContainTextAsync($"{posted.Year}年{posted.Month}月{posted.Day}日");
        });
        await context.CloseAsync();
    }
}
