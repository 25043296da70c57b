using Bunit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Localization;
using MudBlazor;
using ProbeDashboard.Core.Notifications;
using ProbeDashboard.Core.Notifications.Webhook;
using ProbeDashboard.Notifications;
using ProbeDashboard.Resources;
using ProbeDashboard.Tests.Components.Alerts;
using ProbeDashboard.Tests.Support;

namespace ProbeDashboard.Tests.Components.Notifications;

/// <summary>A webhook's body template, content type and headers in the group dialog: preview, field errors, secret header values kept unshown.</summary>
public class WebhookBodyEditorTests(AlertTestFactory factory) : AlertComponentTest(factory), IClassFixture<AlertTestFactory>
{
    private async Task<(IRenderedComponent<MudDialogProvider> Dialogs, Task<bool> Saved)> OpenAsync(int? groupId)
    {
        var dialogs = RenderDialogs();
        _ = Popovers;
        var service = Ctx.Services.GetRequiredService<IDialogService>();
        var text = Ctx.Services.GetRequiredService<IStringLocalizer<UiText>>();
        Task<bool> saved = Task.FromResult(false);
        await dialogs.InvokeAsync(() => { saved = NotificationGroupDialog.OpenAsync(service, text, groupId); });
        dialogs.WaitForElement(".group-form");
        return (dialogs, saved);
    }

    [Fact]
    public async Task Preview_shows_the_body_escaped_for_json_and_warns_when_it_is_not_json()
    {
        var (dialogs, _) = await OpenAsync(null);
        dialogs.Press("Add webhook");
        dialogs.Fill("Webhook URL", "http://127.0.0.1:9/hook");
        Assert.Empty(dialogs.FindAll(".webhook-body"));
        dialogs.Press("Body template and headers");
        Assert.Equal("true", dialogs.Find(".webhook-toggle").GetAttribute("aria-expanded"));

        dialogs.Fill("Body template (Liquid)", """{"t": "{{ event.target_name }}", "q": "{{ event.rule_name | append: '"' }}"}""");
        dialogs.Press("Preview body");
        var preview = dialogs.WaitForElement(".webhook-body .template-preview");
        Assert.Equal("Content-Type: application/json", preview.QuerySelector(".preview-title")!.TextContent);
        Assert.Equal("""{"t": "api <prod>", "q": "api <prod> is down\""}""", preview.QuerySelector(".preview-body")!.TextContent);
        Assert.Null(preview.QuerySelector(".mud-alert"));

        dialogs.Fill("Body template (Liquid)", "{\"t\": {{ event.target_name }}}");
        dialogs.Press("Preview body");
        dialogs.WaitForAssertion(() => Assert.Contains("not valid JSON", dialogs.Find(".webhook-body .template-preview .mud-alert").TextContent));

        dialogs.Fill("Body template (Liquid)", "{% if %}");
        dialogs.Press("Preview body");
        dialogs.WaitForAssertion(() => Assert.Contains("does not parse", dialogs.Find(".webhook-body .mud-input-error").TextContent));
    }

    [Fact]
    public async Task A_refused_header_is_named_on_its_field_and_a_secret_header_is_saved_encrypted_and_kept_unshown_on_edit()
    {
        var (dialogs, saved) = await OpenAsync(null);
        var name = Unique("Hooked");
        dialogs.Fill("Name", name);
        dialogs.Press("Add webhook");
        dialogs.Fill("Webhook URL", "http://127.0.0.1:9/hook");
        dialogs.Press("Body template and headers");
        dialogs.Fill("Body template (Liquid)", "{{ event.title }}");
        dialogs.Fill("Content type", "text/plain");
        dialogs.Press("Add header");
        dialogs.Fill("Header name", "Host");
        dialogs.Fill("Value", "k3y-s3cr3t");

        dialogs.Press("Save");
        dialogs.WaitForAssertion(() => Assert.Contains("Host cannot be set on a webhook", dialogs.Find(".header-row .mud-input-error").TextContent));
        Assert.False(saved.IsCompleted);

        dialogs.Fill("Header name", "X-Key");
        dialogs.OnRenderer(() => dialogs.Find(".header-row input[type=checkbox]").Change(true));
        dialogs.Press("Save");
        Assert.True(await saved.WaitAsync(TimeSpan.FromSeconds(30)));
        NotificationRecipient stored;
        await using (var db = Factory.Feed.Db())
            stored = (await db.NotificationGroups.Include(g => g.Recipients).SingleAsync(g => g.Name == name)).Recipients.Single();
        Assert.Equal(("{{ event.title }}", "text/plain"), (stored.BodyTemplate, stored.ContentType));
        Assert.DoesNotContain("k3y", stored.HeadersJson);
        Assert.True(WebhookHeaders.Parse(stored.HeadersJson).Single().Secret);

        var (again, savedAgain) = await OpenAsync(stored.NotificationGroupId);
        var value = again.WaitForElement(".header-row input[type=password]");
        Assert.Equal("", value.GetAttribute("value") ?? "");
        Assert.Equal("secret stored (unchanged)", value.GetAttribute("placeholder"));
        Assert.DoesNotContain("k3y", again.Markup);
        again.Press("Save");
        Assert.True(await savedAgain.WaitAsync(TimeSpan.FromSeconds(30)));
        await using var after = Factory.Feed.Db();
        var kept = (await after.NotificationRecipients.SingleAsync(r => r.NotificationGroupId == stored.NotificationGroupId)).HeadersJson;
        Assert.Equal("k3y-s3cr3t", WebhookHeaders.InClear(kept, Factory.Services.GetRequiredService<SecretProtector>()).Single().Value);
    }

    [Fact]
    public async Task In_chinese_the_fields_and_a_refused_header_read_in_chinese()
    {
        UseCulture("zh-Hans");
        var (dialogs, _) = await OpenAsync(null);
        dialogs.Fill("名称", Unique("中文"));
        dialogs.Press("添加 Webhook");
        dialogs.Fill("Webhook 地址", "http://127.0.0.1:9/hook");
        dialogs.Press("正文模板和请求头");
        dialogs.Press("添加请求头");
        dialogs.Fill("请求头名称", "Connection");
        dialogs.Fill("值", "close");

        dialogs.OnRenderer(() => dialogs.Find(".mud-dialog-actions button.mud-button-filled").Click());

        dialogs.WaitForAssertion(() => Assert.Contains("Webhook 不能设置 Connection", dialogs.Find(".header-row .mud-input-error").TextContent));
    }
}
