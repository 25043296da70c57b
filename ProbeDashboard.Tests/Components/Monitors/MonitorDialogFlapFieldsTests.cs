using Bunit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using MudBlazor;
using ProbeDashboard.Monitors;
using ProbeDashboard.Resources;

namespace ProbeDashboard.Tests.Components.Monitors;

/// <summary>
/// The monitor dialog itself shows the flap fields and saves them: the form once named the component by a partial
/// namespace ("Kinds.FlapFields"), which Razor rendered as an unknown element, so the fields never appeared.
/// </summary>
public class MonitorDialogFlapFieldsTests : CoreComponentTest
{
    [Fact]
    public async Task The_dialog_shows_retry_interval_and_upside_down_and_saves_the_retry_interval()
    {
        await MigrateAsync();
        var provider = Ctx.Render<MudDialogProvider>();
        RenderPopovers();
        Task<bool> saved = null!;
        await provider.InvokeAsync(() => { saved = MonitorEditDialog.OpenAsync(Get<IDialogService>(), Get<IStringLocalizer<UiText>>(), null); });
        provider.WaitForElement("form[aria-label='Monitor settings']");

        Assert.Contains(provider.FindAll("label"), l => l.TextContent.Trim() == "Retry interval (s)");
        Assert.Contains(provider.FindAll(".switch-field"), f => f.TextContent.Contains("Upside down", StringComparison.Ordinal));
        Assert.DoesNotContain("<kinds.flapfields", provider.Markup, StringComparison.OrdinalIgnoreCase);

        Fill(provider, "Name", "Shop");
        Fill(provider, "Target", "https://shop.example.org/health");
        Fill(provider, "Retry interval (s)", "10");
        provider.OnRenderer(() => provider.Find("form").Submit());

        Assert.True(await saved.WaitAsync(TimeSpan.FromSeconds(10)));
        await using var db = Db();
        Assert.Equal(10, (await db.Monitors.SingleAsync()).RetryIntervalSeconds);
    }

    private static void Fill(IRenderedComponent<MudDialogProvider> dialog, string label, string value)
    {
        var id = dialog.FindAll("label").Single(l => l.TextContent.Trim() == label).GetAttribute("for");
        dialog.OnRenderer(() => dialog.Find($"#{id}").Change(value));
    }
}
