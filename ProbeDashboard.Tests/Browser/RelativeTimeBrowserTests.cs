using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using ProbeDashboard.Core.Access;
using ProbeDashboard.Core.Monitors;
using static Microsoft.Playwright.Assertions;

namespace ProbeDashboard.Tests.Browser;

/// <summary>
/// "12 s ago" labels keep counting in the browser between live updates, in the page's language: the server renders a
/// label when its time changes and no longer re-renders every label every second.
/// </summary>
[Trait("Category", "Browser")]
public sealed class RelativeTimeBrowserTests(BrowserFixture fixture) : IClassFixture<BrowserFixture>
{
    public static TheoryData<string, string> Languages => new()
    {
        { "en", @"^(\d+) s ago$" },
        { "zh-Hans", @"^(\d+) 秒前$" },
    };

    [Theory]
    [MemberData(nameof(Languages))]
    public async Task The_last_probe_label_counts_up_while_nothing_new_arrives(string culture, string agoPattern)
    {
        // Probed once when created, then not for an hour: no live update reaches its row while the test watches.
        await fixture.App.Services.GetRequiredService<MonitorService>().CreateAsync(Actor.System, new MonitorInput
        {
            Name = $"quiet {culture}", Type = (int)MonitorKind.Http, Target = "http://127.0.0.1:9/", Duration = 3600,
        }, "test", CancellationToken.None);
        var page = await fixture.NewSignedInPageAsync();
        await page.Context.AddCookiesAsync([new Cookie
        {
            Name = ".AspNetCore.Culture", Value = Uri.EscapeDataString($"c={culture}|uic={culture}"), Url = fixture.App.BaseUrl,
        }]);
        await FailureArtifacts.RunAsync(page, async () =>
        {
            await page.GotoAsync("/monitors");
            await BrowserFixture.WaitUntilInteractiveAsync(page);
            var label = page.GetByRole(AriaRole.Row).Filter(new() { HasText = $"quiet {culture}" }).Locator("time[data-relative=ago]");
            await Expect(label).ToHaveTextAsync(new Regex(agoPattern), new() { Timeout = 15_000 });
            var first = int.Parse(Regex.Match(await label.InnerTextAsync(), agoPattern).Groups[1].Value);

            await Expect(label).ToHaveTextAsync(new Regex(agoPattern), new() { Timeout = 15_000 });
            await Expect(label).Not.ToHaveTextAsync(new Regex($"^{first} "), new() { Timeout = 15_000 });
            var later = int.Parse(Regex.Match(await label.InnerTextAsync(), agoPattern).Groups[1].Value);
            Assert.True(later > first, $"the label went from {first} s to {later} s");
        });
    }
}
