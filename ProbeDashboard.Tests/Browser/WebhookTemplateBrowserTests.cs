using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace ProbeDashboard.Tests.Browser;

/// <summary>
/// An operator gives a webhook its own body template and a secret header in the group dialog, previews the body and
/// saves, at a desktop and a phone width, in both themes and both languages: the webhook's fields stay inside the
/// dialog. Each screen is saved under browser-artifacts/screens for a person to look at.
/// </summary>
[Trait("Category", "Browser")]
public class WebhookTemplateBrowserTests(BrowserFixture fixture) : IClassFixture<BrowserFixture>
{
    public static TheoryData<int, string, string> Screens => new()
    {
        { 1280, "light", "en" }, { 1280, "dark", "zh-Hans" }, { 390, "light", "zh-Hans" }, { 390, "dark", "en" },
    };

    [Theory]
    [MemberData(nameof(Screens))]
    public async Task A_templated_webhook_with_a_secret_header_is_previewed_and_saved_and_its_fields_stay_inside_the_dialog(int width, string theme, string culture)
    {
        var page = await fixture.NewSignedInPageAsync();
        await page.Context.AddCookiesAsync(
        [
            new Cookie { Name = "pd-theme", Value = theme, Url = fixture.App.BaseUrl },
            new Cookie { Name = ".AspNetCore.Culture", Value = Uri.EscapeDataString($"c={culture}|uic={culture}"), Url = fixture.App.BaseUrl },
        ]);
        await page.SetViewportSizeAsync(width, width < 600 ? 844 : 900);
        var chinese = culture == "zh-Hans";
        await FailureArtifacts.RunAsync(page, async () =>
        {
            await page.GotoAsync("/notification-groups");
            await BrowserFixture.WaitUntilInteractiveAsync(page);
            await page.Locator(".page-header .actions button").First.ClickAsync();
            var dialog = page.GetByRole(AriaRole.Dialog);
            await dialog.GetByLabel(chinese ? "名称" : "Name", new() { Exact = true }).FillAsync($"hooks {width} {theme} {culture}");
            await dialog.GetByRole(AriaRole.Button, new() { Name = chinese ? "添加 Webhook" : "Add webhook" }).ClickAsync();
            var hook = dialog.GetByRole(AriaRole.Group, new() { Name = "Webhook 1" });
            await hook.GetByLabel(chinese ? "Webhook 地址" : "Webhook URL").FillAsync("http://127.0.0.1:9/hook");
            await hook.GetByRole(AriaRole.Button, new() { Name = chinese ? "正文模板和请求头" : "Body template and headers" }).ClickAsync();
            await hook.GetByLabel(chinese ? "正文模板（Liquid）" : "Body template (Liquid)").FillAsync("{\"text\": \"{{ event.title }}|{{ event.level }}\"}");
            await hook.GetByRole(AriaRole.Button, new() { Name = chinese ? "添加请求头" : "Add header" }).ClickAsync();
            await hook.GetByLabel(chinese ? "请求头名称" : "Header name").FillAsync("Authorization");
            await hook.GetByLabel(chinese ? "值" : "Value", new() { Exact = true }).FillAsync("Bearer s3cr3t");
            await hook.GetByLabel(chinese ? "保密" : "Secret", new() { Exact = true }).CheckAsync();
            await hook.GetByRole(AriaRole.Button, new() { Name = chinese ? "预览正文" : "Preview body" }).ClickAsync();
            await Expect(hook.Locator(".template-preview .preview-body")).ToHaveTextAsync("{\"text\": \"api <prod> is down|critical\"}");

            var box = (await page.Locator(".mud-dialog").BoundingBoxAsync())!;
            Assert.True(box.X >= 0 && box.X + box.Width <= width + 0.5, $"dialog {box.X}+{box.Width} overflows a {width} px window");
            foreach (var part in await hook.Locator(".channel-row > *, .webhook-body > *").AllAsync())
            {
                var bounds = (await part.BoundingBoxAsync())!;
                Assert.True(bounds.X >= box.X - 0.5 && bounds.X + bounds.Width <= box.X + box.Width + 0.5,
                    $"a webhook field at {bounds.X}+{bounds.Width} leaves the dialog at {box.X}+{box.Width}");
            }
            var directory = Path.Combine(FailureArtifacts.Directory, "screens");
            Directory.CreateDirectory(directory);
            await page.ScreenshotAsync(new() { Path = Path.Combine(directory, $"webhook-template-{width}-{theme}-{culture}.png"), FullPage = true });

            await dialog.GetByRole(AriaRole.Button, new() { Name = chinese ? "保存" : "Save" }).ClickAsync();
            await Expect(dialog).ToBeHiddenAsync();
        });
    }
}
