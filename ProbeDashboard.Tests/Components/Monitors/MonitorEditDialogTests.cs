using Bunit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using MudBlazor;
using ProbeDashboard.Core.Monitors;
using ProbeDashboard.Monitors;
using ProbeDashboard.Resources;

namespace ProbeDashboard.Tests.Components.Monitors;

public class MonitorEditDialogTests : CoreComponentTest
{
    private async Task<(IRenderedComponent<MudDialogProvider> Provider, Task<bool> Saved)> OpenAsync(int? monitorId)
    {
        await MigrateAsync();
        var provider = Ctx.Render<MudDialogProvider>();
        RenderPopovers();
        Task<bool> saved = null!;
        // Not awaited: the task ends when the dialog closes.
        await provider.InvokeAsync(() => { saved = MonitorEditDialog.OpenAsync(Get<IDialogService>(), Get<IStringLocalizer<UiText>>(), monitorId); });
        provider.WaitForElement("form[aria-label='Monitor settings']");
        return (provider, saved);
    }

    private static void Fill(IRenderedComponent<MudDialogProvider> dialog, string label, string value)
    {
        var id = dialog.FindAll("label").Single(l => l.TextContent.Trim() == label).GetAttribute("for");
        dialog.OnRenderer(() => dialog.Find($"#{id}").Change(value));
    }

    [Fact]
    public async Task Saving_empty_fields_shows_the_cores_errors_under_them_and_stores_nothing()
    {
        var (dialog, saved) = await OpenAsync(null);

        dialog.OnRenderer(() => dialog.Find("form").Submit());

        dialog.WaitForAssertion(() => Assert.Contains("Please correct the highlighted fields", dialog.Markup));
        Assert.Contains(dialog.FindAll(".mud-input-helper-text.mud-input-error"), e => e.TextContent.Contains("required", StringComparison.Ordinal));
        Assert.False(saved.IsCompleted);
        await using var db = Db();
        Assert.False(await db.Monitors.AnyAsync());
    }

    [Fact]
    public async Task A_new_monitor_alerts_by_default_names_the_default_groups_and_saves_through_core()
    {
        await MigrateAsync();
        await using (var db = Db()) await MonitorTestData.AddGroupAsync(db, "On call", isDefault: true);
        var (dialog, saved) = await OpenAsync(null);

        var alertSwitch = dialog.FindAll(".switch-field").Single(f => f.TextContent.Contains("Alert when it fails")).QuerySelector("input[type=checkbox]")!;
        Assert.True(alertSwitch.HasAttribute("checked") || alertSwitch.GetAttribute("aria-checked") == "true", alertSwitch.OuterHtml);
        Assert.Contains("Default groups (On call)", dialog.Markup);
        Fill(dialog, "Name", "Shop");
        Fill(dialog, "Target", "https://shop.example.org/health");
        dialog.OnRenderer(() => dialog.Find("form").Submit());

        Assert.True(await saved.WaitAsync(TimeSpan.FromSeconds(10)));
        await using var check = Db();
        var stored = await check.Monitors.SingleAsync();
        Assert.Equal(("Shop", true, (int?)null, "ui"), (stored.Name, stored.EnableAlert, stored.NotificationGroupId, stored.Origin));
    }

    [Fact]
    public async Task Without_a_default_group_the_form_warns_that_alerts_would_reach_nobody()
    {
        var (dialog, _) = await OpenAsync(null);

        Assert.Contains("Default groups (none yet)", dialog.Markup);
        Assert.Contains("would reach nobody", dialog.Markup);
    }

    [Theory]
    [InlineData(MonitorKind.Http, true)]
    [InlineData(MonitorKind.Tcp, false)]
    public async Task Http_fields_show_only_for_an_http_monitor(MonitorKind kind, bool httpShown)
    {
        await MigrateAsync();
        int id;
        await using (var db = Db()) id = (await MonitorTestData.AddMonitorAsync(db, "edited", kind: kind)).Id;

        var (dialog, _) = await OpenAsync(id);

        Assert.Equal(httpShown, dialog.FindAll("h3").Any(h => h.TextContent == "HTTP check"));
        Assert.Equal(httpShown, dialog.FindAll("label").Any(l => l.TextContent.Trim() == "Expected status codes"));
        Assert.Equal("edited", dialog.FindAll("input").First(i => i.GetAttribute("value") == "edited").GetAttribute("value"));
    }

    [Fact]
    public async Task Save_and_cancel_sit_in_the_dialogs_action_bar_outside_the_scrolling_fields()
    {
        var (dialog, saved) = await OpenAsync(null);

        var actions = dialog.Find(".mud-dialog-actions");
        Assert.Contains("Save", actions.TextContent);
        Assert.Equal("monitor-form", actions.QuerySelectorAll("button").Single(b => b.TextContent.Contains("Save")).GetAttribute("form"));
        Assert.Empty(dialog.Find(".monitor-dialog-content").QuerySelectorAll(".mud-dialog-actions"));

        dialog.OnRenderer(() => dialog.Find(".mud-dialog-actions").QuerySelectorAll("button").Single(b => b.TextContent.Contains("Cancel")).Click());
        Assert.False(await saved.WaitAsync(TimeSpan.FromSeconds(10)));
    }
}
