using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace ProbeDashboard.Tests.Browser;

/// <summary>
/// The policy dialog at a desktop and a phone width, in both themes and both languages: every step's fields stay inside
/// the dialog. Each screen is saved under browser-artifacts/screens for a person to look at.
/// </summary>
[Trait("Category", "Browser")]
public class EscalationScreensBrowserTests(BrowserFixture fixture) : IClassFixture<BrowserFixture>
{
    public static TheoryData<int, string, string> Screens => new()
    {
        { 1280, "light", "en" }, { 1280, "dark", "zh-Hans" }, { 390, "light", "zh-Hans" }, { 390, "dark", "en" },
    };

    [Theory]
    [MemberData(nameof(Screens))]
    public async Task The_policy_dialogs_step_rows_stay_inside_the_dialog(int width, string theme, string culture)
    {
        var page = await fixture.NewSignedInPageAsync();
        await page.Context.AddCookiesAsync(
        [
            new Cookie { Name = "pd-theme", Value = theme, Url = fixture.App.BaseUrl },
            new Cookie { Name = ".AspNetCore.Culture", Value = Uri.EscapeDataString($"c={culture}|uic={culture}"), Url = fixture.App.BaseUrl },
        ]);
        await page.SetViewportSizeAsync(width, width < 600 ? 844 : 900);
        await FailureArtifacts.RunAsync(page, async () =>
        {
            await page.GotoAsync("/escalation-policies");
            await BrowserFixture.WaitUntilInteractiveAsync(page);
            await page.Locator(".page-header .actions button").ClickAsync();
            var dialog = page.Locator(".mud-dialog");
            await Expect(dialog.Locator(".escalation-step")).ToHaveCountAsync(1);
            await dialog.Locator(".recipient-box > div > button").ClickAsync();
            await dialog.Locator(".recipient-box > div > button").ClickAsync();
            await Expect(dialog.Locator(".escalation-step")).ToHaveCountAsync(3);

            var box = (await dialog.BoundingBoxAsync())!;
            Assert.True(box.X >= 0 && box.X + box.Width <= width + 0.5, $"dialog {box.X}+{box.Width} overflows a {width} px window");
            foreach (var part in await dialog.Locator(".escalation-step > *").AllAsync())
            {
                var bounds = (await part.BoundingBoxAsync())!;
                Assert.True(bounds.X >= box.X - 0.5 && bounds.X + bounds.Width <= box.X + box.Width + 0.5,
                    $"a step field at {bounds.X}+{bounds.Width} leaves the dialog at {box.X}+{box.Width}");
            }
            var directory = Path.Combine(FailureArtifacts.Directory, "screens");
            Directory.CreateDirectory(directory);
            await page.ScreenshotAsync(new() { Path = Path.Combine(directory, $"escalation-dialog-{width}-{theme}-{culture}.png") });
        });
    }
}
