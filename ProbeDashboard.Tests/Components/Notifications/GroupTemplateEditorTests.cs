using Bunit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Localization;
using MudBlazor;
using ProbeDashboard.Notifications;
using ProbeDashboard.Resources;
using ProbeDashboard.Tests.Components.Alerts;
using ProbeDashboard.Tests.Support;

namespace ProbeDashboard.Tests.Components.Notifications;

/// <summary>The group dialog's message templates: preview on the Core's sample event, line and column of a template that does not parse.</summary>
public class GroupTemplateEditorTests(AlertTestFactory factory) : AlertComponentTest(factory), IClassFixture<AlertTestFactory>
{
    private async Task<(IRenderedComponent<MudDialogProvider> Dialogs, Task<bool> Saved)> OpenAsync(int? groupId)
    {
        var dialogs = RenderDialogs();
        _ = Popovers;
        var service = Ctx.Services.GetRequiredService<IDialogService>();
        var text = Ctx.Services.GetRequiredService<IStringLocalizer<UiText>>();
        Task<bool> saved = Task.FromResult(false);
        await dialogs.InvokeAsync(() => { saved = NotificationGroupDialog.OpenAsync(service, text, groupId); });
        dialogs.WaitForElement(".template-box");
        return (dialogs, saved);
    }

    [Fact]
    public async Task Preview_renders_both_templates_on_the_sample_event_as_an_email_reads_it()
    {
        var (dialogs, _) = await OpenAsync(null);
        dialogs.Fill("Title template", "{{ event.title }}|{{ event.level }}");
        dialogs.Fill("Body template", "{{ event.target_name }} since {{ event.trigger_time }}\n{{ event.url }}");

        dialogs.Press("Preview");

        var preview = dialogs.WaitForElement(".template-preview");
        Assert.Equal("api <prod> is down|critical", preview.QuerySelector(".preview-title")!.TextContent);
        Assert.Matches(@"^api <prod> since \d{4}-\d\d-\d\d \d\d:\d\d:\d\d UTC\nhttp://dashboard\.test/alerts/12345", preview.QuerySelector(".preview-body")!.TextContent);
        Assert.Empty(dialogs.FindAll(".template-box .mud-input-error"));
    }

    [Fact]
    public async Task A_template_that_does_not_parse_is_named_with_its_line_on_its_field_by_preview_and_by_save()
    {
        var (dialogs, saved) = await OpenAsync(null);
        var name = Unique("Templated");
        dialogs.Fill("Name", name);
        dialogs.Fill("E-mail addresses (one per line)", "ops@example.test");
        dialogs.Fill("Body template", "fine\n{% if event.level %}never closed");

        dialogs.Press("Preview");
        dialogs.WaitForAssertion(() => Assert.Matches("body_template does not parse: .*line 2", dialogs.Find(".template-box .mud-input-error").TextContent));
        Assert.Empty(dialogs.FindAll(".template-preview"));

        dialogs.Press("Save");
        dialogs.WaitForAssertion(() => Assert.Contains("line 2", dialogs.Find(".template-box .mud-input-error").TextContent));
        Assert.False(saved.IsCompleted);

        dialogs.Fill("Body template", "{{ event.title }} ({{ event.level }})");
        dialogs.Press("Save");
        Assert.True(await saved.WaitAsync(TimeSpan.FromSeconds(30)));
        await using var db = Factory.Feed.Db();
        Assert.Equal("{{ event.title }} ({{ event.level }})", (await db.NotificationGroups.SingleAsync(g => g.Name == name)).BodyTemplate);
    }

    [Fact]
    public async Task A_stored_template_shows_on_edit_and_previews_a_resolved_message()
    {
        var group = await Factory.Feed.AddGroupAsync(Unique("Stored"), emails: ["ops@example.test"]);
        await using (var db = Factory.Feed.Db())
        {
            var stored = await db.NotificationGroups.SingleAsync(g => g.Id == group.Id);
            stored.TitleTemplate = "{{ event.status }}: {{ event.target_name }} after {{ event.duration }}";
            await db.SaveChangesAsync();
        }
        var (dialogs, _) = await OpenAsync(group.Id);
        Assert.Equal("{{ event.status }}: {{ event.target_name }} after {{ event.duration }}", dialogs.Field("Title template").GetAttribute("value"));

        Pick(dialogs, "Alert resolved");
        dialogs.Press("Preview");

        dialogs.WaitForAssertion(() => Assert.StartsWith("resolved: api <prod> after 10", dialogs.Find(".preview-title").TextContent));
    }

    private void Pick(IRenderedComponent<MudDialogProvider> dialogs, string choice)
    {
        dialogs.OnRenderer(() => dialogs.Find(".template-purpose .mud-input-slot").MouseDown());
        Popovers.WaitForAssertion(() => Assert.Contains(Popovers.FindAll(".mud-list-item"), i => i.TextContent.Trim() == choice));
        Popovers.OnRenderer(() => Popovers.FindAll(".mud-list-item").First(i => i.TextContent.Trim() == choice).Click());
    }
}
