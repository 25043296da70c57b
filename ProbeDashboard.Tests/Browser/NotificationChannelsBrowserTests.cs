using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace ProbeDashboard.Tests.Browser;

/// <summary>An operator adds a Telegram recipient in the group dialog: the kind's fields appear, a bad chat id is named, the token stays secret.</summary>
[Trait("Category", "Browser")]
public class NotificationChannelsBrowserTests(BrowserFixture fixture) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task Operator_adds_a_telegram_recipient_sees_the_bad_chat_id_named_and_the_stored_token_is_kept_on_edit()
    {
        var page = await fixture.NewSignedInPageAsync();
        await FailureArtifacts.RunAsync(page, async () =>
        {
            await page.GetByRole(AriaRole.Link, new() { Name = "Notification groups" }).ClickAsync();
            await page.GetByRole(AriaRole.Button, new() { Name = "Add group" }).ClickAsync();
            var dialog = page.GetByRole(AriaRole.Dialog);
            await dialog.GetByLabel("Name", new() { Exact = true }).FillAsync("Chat ops");
            await dialog.GetByRole(AriaRole.Button, new() { Name = "Add service" }).ClickAsync();
            var recipient = dialog.GetByRole(AriaRole.Group, new() { Name = "Service recipient 1" });
            await recipient.GetByLabel("Service", new() { Exact = true }).ClickAsync();
            await page.GetByRole(AriaRole.Option, new() { Name = "Telegram" }).ClickAsync();
            await recipient.GetByLabel("Bot token").FillAsync("123456:ABCdefGhIJKlmNoPQRsTUVwxyZ_s3cr3t");
            await recipient.GetByLabel("Chat ID").FillAsync("ops room");
            await dialog.GetByRole(AriaRole.Button, new() { Name = "Save" }).ClickAsync();
            await Expect(recipient.GetByText("chat_id must be a numeric chat id")).ToBeVisibleAsync();

            await recipient.GetByLabel("Chat ID").FillAsync("-100123");
            await dialog.GetByRole(AriaRole.Button, new() { Name = "Save" }).ClickAsync();
            await Expect(dialog).ToBeHiddenAsync();
            var row = page.GetByRole(AriaRole.Row).Filter(new() { HasText = "Chat ops" });
            await Expect(row.GetByText("0 e-mail · 0 webhook · 0 phone · 1 service")).ToBeVisibleAsync();

            await row.GetByRole(AriaRole.Button, new() { Name = "Edit Chat ops" }).ClickAsync();
            var edited = dialog.GetByRole(AriaRole.Group, new() { Name = "Service recipient 1" });
            await Expect(edited.GetByLabel("Chat ID")).ToHaveValueAsync("-100123");
            await Expect(edited.GetByLabel("Bot token")).ToHaveValueAsync("");
            await Expect(edited.GetByLabel("Bot token")).ToHaveAttributeAsync("placeholder", "secret stored (unchanged)");
            await dialog.GetByRole(AriaRole.Button, new() { Name = "Save" }).ClickAsync();
            await Expect(dialog).ToBeHiddenAsync();
            await Expect(row.GetByText("1 service")).ToBeVisibleAsync();
        });
    }
}
