using Bunit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Localization;
using MudBlazor;
using ProbeDashboard.Core.Notifications;
using ProbeDashboard.Notifications;
using ProbeDashboard.Resources;
using ProbeDashboard.Tests.Components.Alerts;
using ProbeDashboard.Tests.Support;

namespace ProbeDashboard.Tests.Components.Notifications;

/// <summary>The notification group dialog: the Core's field errors on the fields, channel rows, and "default for new monitors".</summary>
public class NotificationGroupDialogTests : AlertComponentTest, IClassFixture<AlertTestFactory>
{
    public NotificationGroupDialogTests(AlertTestFactory factory) : base(factory) { }

    private async Task<(IRenderedComponent<MudDialogProvider> Dialogs, Task<bool> Saved)> OpenAsync(int? groupId)
    {
        var dialogs = RenderDialogs();
        _ = Popovers;
        var service = Ctx.Services.GetRequiredService<IDialogService>();
        var text = Ctx.Services.GetRequiredService<IStringLocalizer<UiText>>();
        Task<bool> saved = Task.FromResult(false);
        await dialogs.InvokeAsync(() => { saved = NotificationGroupDialog.OpenAsync(service, text, groupId); });
        return (dialogs, saved);
    }

    private static void Save(IRenderedComponent<MudDialogProvider> dialogs) =>
        dialogs.OnRenderer(() => dialogs.FindAll(".mud-dialog-actions button").Single(b => b.TextContent.Contains("Save")).Click());

    [Fact]
    public async Task A_bad_address_is_named_on_its_field_and_a_fixed_group_is_saved_as_default_for_new_monitors()
    {
        var (dialogs, saved) = await OpenAsync(null);
        var name = Unique("On call");
        dialogs.WaitForElement(".group-form");
        dialogs.Fill("Name", name);
        dialogs.Fill("E-mail addresses (one per line)", "oncall@example.test\nnot-an-address");
        dialogs.OnRenderer(() => dialogs.FindAll("button").Single(b => b.TextContent.Contains("Add webhook")).Click());
        dialogs.Fill("Webhook URL", "http://127.0.0.1:9/hook");
        dialogs.Fill("Signing secret", "s3cret");
        dialogs.OnRenderer(() => dialogs.Find(".default-group input[type=checkbox]").Change(true));

        Save(dialogs);
        dialogs.WaitForAssertion(() => Assert.Contains("not e-mail addresses: not-an-address", dialogs.Find(".mud-input-error").TextContent));
        Assert.False(saved.IsCompleted);

        dialogs.Fill("E-mail addresses (one per line)", "oncall@example.test");
        Save(dialogs);

        Assert.True(await saved.WaitAsync(TimeSpan.FromSeconds(30)));
        await using var db = Factory.Feed.Db();
        var group = await db.NotificationGroups.Include(g => g.Recipients).SingleAsync(g => g.Name == name);
        Assert.True(group.IsDefault);
        Assert.Equal(["oncall@example.test", "http://127.0.0.1:9/hook"], group.Recipients.OrderBy(r => r.Channel).Select(r => r.Address));
        Assert.NotNull(group.Recipients.Single(r => r.Channel == NotificationChannelKind.Webhook).ProtectedSecret);
    }

    [Fact]
    public async Task A_service_recipient_shows_its_kinds_fields_and_on_edit_keeps_the_stored_secret_unshown()
    {
        var group = await Factory.Feed.AddGroupAsync(Unique("Chat ops"), emails: ["ops@example.test"]);
        var (dialogs, saved) = await OpenAsync(group.Id);
        dialogs.WaitForElement(".group-form");
        dialogs.OnRenderer(() => dialogs.FindAll("button").Single(b => b.TextContent.Contains("Add service")).Click());

        // Slack comes first: its one setting is the webhook, kept secret.
        dialogs.OnRenderer(() => dialogs.Find("[role=group][aria-label='Service recipient 1'] input[type=password]").Change("http://127.0.0.1:9/slack-hook"));
        Save(dialogs);
        Assert.True(await saved.WaitAsync(TimeSpan.FromSeconds(30)));

        var (again, _) = await OpenAsync(group.Id);
        var kept = again.WaitForElement("[role=group][aria-label='Service recipient 1'] input[type=password]");
        Assert.Equal("", kept.GetAttribute("value") ?? "");
        Assert.Equal("secret stored (unchanged)", kept.GetAttribute("placeholder"));
        await using var db = Factory.Feed.Db();
        var stored = await db.NotificationGroups.Include(g => g.Recipients).SingleAsync(g => g.Id == group.Id);
        Assert.NotNull(stored.Recipients.Single(r => r.Channel == NotificationChannelKind.Slack).ProtectedSecret);
        Assert.DoesNotContain("slack-hook", again.Markup);
    }
}
