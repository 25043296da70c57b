using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using ProbeDashboard.Core.Access;
using ProbeDashboard.Core.Monitors;
using ProbeDashboard.Core.StatusPages;

namespace ProbeDashboard.Tests.Browser;

/// <summary>
/// Every page of the dashboard, scanned by axe-core in Chromium in the light and the dark theme: no serious or
/// critical violation (contrast, names of controls, landmarks, ...). A page that fails is named with its rules.
/// </summary>
[Trait("Category", "Browser")]
public class AccessibilityTests(BrowserFixture fixture) : IClassFixture<BrowserFixture>
{
    private static readonly string[] Blocking = ["serious", "critical"];

    public static TheoryData<string> Themes => ["light", "dark"];

    [Theory]
    [MemberData(nameof(Themes))]
    public async Task Every_page_has_no_serious_or_critical_axe_violation(string theme)
    {
        var saved = await fixture.App.Services.GetRequiredService<MonitorService>().CreateAsync(Actor.System, new MonitorInput
        {
            Name = $"axe {theme}", Type = (int)MonitorKind.Http, Target = "http://127.0.0.1:9/", Duration = 60,
        }, "test", CancellationToken.None);
        // A published and a draft page, so the status pages list shows both of its chips.
        var statusPages = fixture.App.Services.GetRequiredService<StatusPageService>();
        foreach (var published in new[] { true, false })
            await statusPages.CreateAsync(Actor.System, new StatusPageInput($"axe-{theme}-{published}".ToLowerInvariant(), $"axe {theme}", null, null,
                [new StatusPageSectionInput("All", [new StatusPageItemInput(saved.Monitor!.Id, null)])], false, null, published), CancellationToken.None);
        var page = await fixture.NewSignedInPageAsync();
        await page.Context.AddCookiesAsync([new Cookie { Name = "pd-theme", Value = theme, Url = fixture.App.BaseUrl }]);

        var failures = new List<string>();
        await FailureArtifacts.RunAsync(page, async () =>
        {
            foreach (var path in DashboardPages.Paths(saved.Monitor!.Id))
            {
                await DashboardPages.OpenAsync(page, path);
                failures.AddRange(Describe(path, await page.RunAxe()));
            }
            foreach (var path in new[] { "/account/two-factor", "/account/password" })   // static (no circuit), like the sign-in page
            {
                await page.GotoAsync(path);
                failures.AddRange(Describe(path, await page.RunAxe()));
            }
            await page.Context.ClearCookiesAsync();
            await page.Context.AddCookiesAsync([new Cookie { Name = "pd-theme", Value = theme, Url = fixture.App.BaseUrl }]);
            await page.GotoAsync("/login");
            failures.AddRange(Describe("/login", await page.RunAxe()));
            // The public status page and a subscription answer page: their own stylesheet follows the reader's colour scheme.
            await page.EmulateMediaAsync(new() { ColorScheme = theme == "dark" ? ColorScheme.Dark : ColorScheme.Light });
            foreach (var path in new[] { $"/status/axe-{theme}-true", $"/status/axe-{theme}-true/confirm?token=unknown" })
            {
                await page.GotoAsync(path);
                failures.AddRange(Describe(path, await page.RunAxe()));
            }
        });
        Assert.True(failures.Count == 0, $"{theme} theme:\n" + string.Join("\n", failures));
    }

    private static IEnumerable<string> Describe(string path, AxeResult result) =>
        result.Violations.Where(v => Blocking.Contains(v.Impact)).Select(v =>
            $"{path}: {v.Impact} {v.Id} ({v.Help}) at {string.Join(", ", v.Nodes.Take(3).Select(n => n.Target?.ToString()))}");
}
