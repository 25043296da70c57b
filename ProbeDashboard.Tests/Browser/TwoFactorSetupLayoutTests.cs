using Deque.AxeCore.Playwright;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace ProbeDashboard.Tests.Browser;

/// <summary>
/// The two-factor setup page's layout in Chromium, in both themes and both languages: the QR code sits in the
/// middle of the card, the secret does not run into its label or out of the card, and axe finds nothing serious.
/// </summary>
[Trait("Category", "Browser")]
public class TwoFactorSetupLayoutTests(BrowserFixture fixture) : IClassFixture<BrowserFixture>
{
    public static TheoryData<string, string> ThemesAndLanguages => new()
    {
        { "light", "en" }, { "dark", "en" }, { "light", "zh-Hans" }, { "dark", "zh-Hans" },
    };

    [Theory]
    [MemberData(nameof(ThemesAndLanguages))]
    public async Task The_qr_code_is_centred_and_the_secret_stays_clear_of_its_label(string theme, string language)
    {
        var page = await fixture.NewSignedInPageAsync();
        await page.Context.AddCookiesAsync([
            new Cookie { Name = "pd-theme", Value = theme, Url = fixture.App.BaseUrl },
            new Cookie { Name = ".AspNetCore.Culture", Value = $"c={language}|uic={language}", Url = fixture.App.BaseUrl },
        ]);
        await FailureArtifacts.RunAsync(page, async () =>
        {
            await page.GotoAsync("/account/two-factor");
            var qr = page.Locator(".qr-code svg");
            await Expect(qr).ToBeVisibleAsync();
            var card = (await page.Locator(".login-card").BoundingBoxAsync())!;
            var code = (await qr.BoundingBoxAsync())!;
            Assert.InRange(code.X + code.Width / 2 - (card.X + card.Width / 2), -2, 2);

            var label = (await page.Locator(".two-factor-secret-label").BoundingBoxAsync())!;
            var secret = (await page.Locator(".two-factor-secret code").BoundingBoxAsync())!;
            var overlaps = label.X < secret.X + secret.Width && secret.X < label.X + label.Width
                && label.Y < secret.Y + secret.Height && secret.Y < label.Y + label.Height;
            Assert.False(overlaps, $"label {label.X},{label.Y} {label.Width}x{label.Height} overlaps secret {secret.X},{secret.Y} {secret.Width}x{secret.Height}");
            Assert.True(secret.X >= card.X && secret.X + secret.Width <= card.X + card.Width, "the secret runs out of the card");

            var serious = (await page.RunAxe()).Violations.Where(v => v.Impact is "serious" or "critical").Select(v => $"{v.Id}: {v.Help}").ToList();
            Assert.True(serious.Count == 0, string.Join("\n", serious));
        });
    }
}
