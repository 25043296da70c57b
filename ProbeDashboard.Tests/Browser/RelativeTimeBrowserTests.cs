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
    [Fact]
    public async Task The_last_probe_label_counts_up_while_nothing_new_arrives_in_both_languages()
    {
        // Probed once when created, then not for an hour: no live update reaches its row while the test watches.
        await fixture.App.Services.GetRequiredService<MonitorService>().CreateAsync(Actor.System, new MonitorInput
        {
            Name = "quiet", Type = (int)MonitorKind.Http, Target = "http://127.0.0.1:9/", Duration = 3600,
        }, "test", CancellationToken.None);
        var page = await fixture.NewSignedInPageAsync();
        await FailureArtifacts.RunAsync(page, async () =>
        {
            foreach (var (culture, agoPattern) in new[] { ("en", @"^(\d+) s ago$"), ("zh-Hans", @"^(\d+) 秒前$") })
            {
                await page.Context.AddCookiesAsync([new Cookie
                {
                    Name = ".AspNetCore.Culture", Value = Uri.EscapeDataString($"c={culture}|uic={culture}"), Url = fixture.App.BaseUrl,
                }]);
                await DashboardPages.OpenAsync(page, "/monitors");
                var label = page.GetByRole(AriaRole.Row).Filter(new() { HasText = "quiet" }).Locator("time[data-relative=ago]");
                await Expect(label).ToHaveTextAsync(new Regex(agoPattern), new() { Timeout = 15_000 });
                var first = int.Parse(Regex.Match(await label.InnerTextAsync(), agoPattern).Groups[1].Value);

                await Expect(label).Not.ToHaveTextAsync(new Regex($"^{first}\\D"), new() { Timeout = 15_000 });
                var later = int.Parse(Regex.Match(await label.InnerTextAsync(), agoPattern).Groups[1].Value);
                Assert.True(later > first, $"{culture}: the label went from {first} s to {later} s");
            }
        });
    }
}
