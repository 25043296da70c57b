using Bunit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using MudBlazor;
using ProbeDashboard.Core.Auth;
using ProbeDashboard.Core.Monitors;
using ProbeDashboard.Core.Push;
using ProbeDashboard.Monitors;
using ProbeDashboard.Monitors.Detail;
using ProbeDashboard.Resources;

namespace ProbeDashboard.Tests.Components.Monitors;

/// <summary>A push monitor in the dialog (its schedule instead of a target and probe schedule) and on its page (the URL to ping).</summary>
public class PushMonitorUiTests : CoreComponentTest
{
    private async Task<MonitorDefinition> AddPushAsync(string? cron = null)
    {
        await MigrateAsync();
        await using var db = Db();
        var monitor = await MonitorTestData.AddMonitorAsync(db, "nightly backup", kind: MonitorKind.Push);
        monitor.Target = "";
        monitor.Push = cron is null
            ? new PushProbeOptions { PeriodSeconds = 300, GraceSeconds = 60 }
            : new PushProbeOptions { Cron = cron, TimeZone = "Europe/Berlin", GraceSeconds = 600 };
        monitor.PushToken = PushTokens.New();
        db.Monitors.Update(monitor);
        await db.SaveChangesAsync();
        return monitor;
    }

    private async Task<(IRenderedComponent<MudDialogProvider> Dialog, Task<bool> Saved)> EditAsync(int id)
    {
        var provider = Ctx.Render<MudDialogProvider>();
        RenderPopovers();
        Task<bool> saved = null!;
        await provider.InvokeAsync(() => { saved = MonitorEditDialog.OpenAsync(Get<IDialogService>(), Get<IStringLocalizer<UiText>>(), id); });
        provider.WaitForElement("form[aria-label='Monitor settings']");
        return (provider, saved);
    }

    private static void Fill(IRenderedComponent<MudDialogProvider> dialog, string label, string value)
    {
        var id = dialog.FindAll("label").Single(l => l.TextContent.Trim() == label).GetAttribute("for");
        dialog.OnRenderer(() => dialog.Find($"#{id}").Change(value));
    }

    [Fact]
    public async Task The_dialog_shows_the_push_schedule_instead_of_a_target_and_saves_a_new_period()
    {
        var monitor = await AddPushAsync();
        var (dialog, saved) = await EditAsync(monitor.Id);

        var labels = dialog.FindAll("label").Select(l => l.TextContent.Trim()).ToList();
        Assert.Contains("Expected every (seconds)", labels);
        Assert.Contains("Grace (seconds)", labels);
        Assert.DoesNotContain("Target", labels);
        Assert.DoesNotContain("Interval (seconds)", dialog.FindAll("h3").Select(h => h.TextContent));
        Assert.DoesNotContain(dialog.FindAll("h3"), h => h.TextContent == "Schedule");

        Fill(dialog, "Expected every (seconds)", "900");
        dialog.OnRenderer(() => dialog.Find("form").Submit());

        Assert.True(await saved.WaitAsync(TimeSpan.FromSeconds(10)));
        await using var db = Db();
        var stored = await db.Monitors.SingleAsync();
        Assert.Equal((900, (string?)null), (stored.Push.PeriodSeconds, stored.Push.Cron));
    }

    [Fact]
    public async Task A_bad_cron_line_is_shown_under_its_field_and_nothing_is_saved()
    {
        var monitor = await AddPushAsync("0 3 * * *");
        var (dialog, saved) = await EditAsync(monitor.Id);

        Fill(dialog, "Cron schedule (5 fields)", "61 * * * *");
        dialog.OnRenderer(() => dialog.Find("form").Submit());

        dialog.WaitForAssertion(() => Assert.Contains(dialog.FindAll(".mud-input-helper-text.mud-input-error"), e => e.TextContent.Length > 0));
        Assert.False(saved.IsCompleted);
        await using var db = Db();
        Assert.Equal("0 3 * * *", (await db.Monitors.SingleAsync()).Push.Cron);
    }

    [Fact]
    public async Task The_page_gives_the_url_and_ready_lines_and_a_new_url_stops_the_old_one()
    {
        var monitor = await AddPushAsync("0 3 * * *");
        var provider = Ctx.Render<MudDialogProvider>();
        var panel = Ctx.Render<PushUrlPanel>(p => p.Add(x => x.Monitor, monitor));

        panel.WaitForAssertion(() => Assert.Contains($"/api/push/{monitor.PushToken}", panel.Markup));
        var lines = panel.FindAll("dd code").Select(c => c.TextContent).ToList();
        Assert.EndsWith($"/api/push/{monitor.PushToken}/fail", lines[2]);
        Assert.StartsWith("0 3 * * * curl", lines[3]);
        Assert.EndsWith($"/api/push/{monitor.PushToken}/$?", lines[3]);
        Assert.Contains("Europe/Berlin", panel.Markup);

        // Not awaited: the click's handler waits for the answer to the question it asks.
        var rotating = panel.Find("button.mud-button-root:not(.mud-icon-button)").ClickAsync(new());
        await provider.WaitForElement("button.mud-message-box__yes-button").ClickAsync(new());
        await rotating.WaitAsync(TimeSpan.FromSeconds(10));

        await using var db = Db();
        Assert.NotEqual(monitor.PushToken, (await db.Monitors.SingleAsync()).PushToken);
    }
}

/// <summary>Viewers see the schedule but not the URL: the token in it is the secret.</summary>
public class PushUrlForViewersTests() : CoreComponentTest(UserRole.Viewer)
{
    [Fact]
    public async Task A_viewer_sees_that_the_url_is_hidden()
    {
        await MigrateAsync();
        MonitorDefinition monitor;
        await using (var db = Db())
        {
            monitor = await MonitorTestData.AddMonitorAsync(db, "cron", kind: MonitorKind.Push);
            monitor.Push = new PushProbeOptions { PeriodSeconds = 3600, GraceSeconds = 60 };
            monitor.PushToken = PushTokens.New();
            await db.SaveChangesAsync();
        }

        var panel = Ctx.Render<PushUrlPanel>(p => p.Add(x => x.Monitor, monitor));

        Assert.Contains("Expected every 3600 s, 60 s grace", panel.Markup);
        Assert.Contains("shown to users who may edit monitors", panel.Markup);
        Assert.DoesNotContain(monitor.PushToken!, panel.Markup);
    }
}
