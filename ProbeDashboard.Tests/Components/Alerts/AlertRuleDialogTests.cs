using System.Net;
using Bunit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;
using ProbeDashboard.Alerts.Rules;
using ProbeDashboard.Core.Alerts;
using ProbeDashboard.Core.Auth;
using ProbeDashboard.Tests.Support;

namespace ProbeDashboard.Tests.Components.Alerts;

/// <summary>The rule dialog and its condition editor: checked while typing, the caret under the error, the Core's field errors on the fields.</summary>
public class AlertRuleDialogTests : AlertComponentTest, IClassFixture<AlertTestFactory>
{
    public AlertRuleDialogTests(AlertTestFactory factory) : base(factory) { }

    private async Task<(IRenderedComponent<MudDialogProvider> Dialogs, Task<bool> Saved)> OpenAsync(int? ruleId)
    {
        var dialogs = RenderDialogs();
        _ = Popovers;
        var service = Ctx.Services.GetRequiredService<IDialogService>();
        var text = Ctx.Services.GetRequiredService<Microsoft.Extensions.Localization.IStringLocalizer<ProbeDashboard.Resources.UiText>>();
        Task<bool> saved = Task.FromResult(false);
        // Started on the renderer, not awaited: the task ends when the dialog closes.
        await dialogs.InvokeAsync(() => { saved = AlertRuleDialog.OpenAsync(service, text, ruleId); });
        return (dialogs, saved);
    }

    private async Task<int> StoredRuleAsync(string condition, AlertRuleType type = AlertRuleType.HostMonitor)
    {
        // Stored behind the API's back: the dialog shows the error of a rule it opens, the state a typing user sees.
        await using var db = Factory.Feed.Db();
        var rule = new AlertRule { Name = Unique("broken"), Type = type, Condition = condition, CreatedAt = DateTime.UtcNow, UpdatedAt = DateTime.UtcNow };
        db.AlertRules.Add(rule);
        await db.SaveChangesAsync();
        return rule.Id;
    }

    [Fact]
    public async Task The_condition_editor_names_the_1_based_character_and_puts_the_caret_under_it()
    {
        var (dialogs, _) = await OpenAsync(await StoredRuleAsync("cpu_usage > "));

        var error = dialogs.WaitForElement(".condition-error");
        Assert.Contains("expected number (character 13)", error.TextContent);
        var caret = WebUtility.HtmlDecode(error.QuerySelector("pre")!.InnerHtml);
        Assert.Matches(@"^cpu_usage > <br\s*/?> {12}\^$", caret);
    }

    [Fact]
    public async Task Typing_checks_the_condition_for_the_rule_type_and_says_when_it_is_valid()
    {
        var (dialogs, _) = await OpenAsync(null);
        dialogs.WaitForElement("input.condition-input");

        dialogs.OnRenderer(() => dialogs.Find("input.condition-input").Input("latency > "));
        Assert.Contains("character", dialogs.Find(".condition-error").TextContent);
        Assert.Equal("true", dialogs.Find("input.condition-input").GetAttribute("aria-invalid"));

        dialogs.OnRenderer(() => dialogs.Find("input.condition-input").Input("latency > 2 && cpu_usage > 5"));
        Assert.Contains("cpu_usage", dialogs.Find(".condition-error").TextContent);

        dialogs.OnRenderer(() => dialogs.Find("input.condition-input").Input("latency > 2 || status_code >= 500"));
        Assert.Contains("Condition is valid", dialogs.Find(".condition-ok").TextContent);
        Assert.Empty(dialogs.FindAll(".condition-error"));
        Assert.Contains("consecutive_failures", dialogs.Find(".metric-hint").TextContent);
    }

    [Fact]
    public async Task Saving_shows_the_cores_field_errors_on_the_fields_then_saves_and_closes()
    {
        var (dialogs, saved) = await OpenAsync(null);
        dialogs.WaitForElement("input.condition-input");
        dialogs.OnRenderer(() => dialogs.Find("input.condition-input").Input("latency > 2"));

        dialogs.OnRenderer(() => dialogs.FindAll("button").Single(b => b.TextContent.Contains("Save")).Click());
        dialogs.WaitForAssertion(() => Assert.NotEmpty(dialogs.FindAll(".mud-input-error")));
        Assert.False(saved.IsCompleted);

        var name = Unique("Slow checkout");
        dialogs.OnRenderer(() => dialogs.Find(".rule-form input.mud-input-root").Change(name));
        dialogs.OnRenderer(() => dialogs.FindAll("button").Single(b => b.TextContent.Contains("Save")).Click());

        Assert.True(await saved.WaitAsync(TimeSpan.FromSeconds(30)));
        await using var db = Factory.Feed.Db();
        var rule = await db.AlertRules.SingleAsync(r => r.Name == name);
        Assert.Equal(("latency > 2", AlertRuleType.ServiceProbe, AlertLevel.Warning), (rule.Condition, rule.Type, rule.Level));
    }

    [Fact]
    public async Task A_viewer_who_opens_the_dialog_anyway_is_refused_and_nothing_is_saved()
    {
        SignIn(UserRole.Viewer);
        var (dialogs, saved) = await OpenAsync(null);
        var name = Unique("viewer rule");
        dialogs.WaitForElement("input.condition-input");
        dialogs.OnRenderer(() => dialogs.Find("input.condition-input").Input("latency > 2"));
        dialogs.OnRenderer(() => dialogs.Find(".rule-form input.mud-input-root").Change(name));

        dialogs.OnRenderer(() => dialogs.FindAll("button").Single(b => b.TextContent.Contains("Save")).Click());

        dialogs.WaitForAssertion(() => Assert.Contains("alert rules", dialogs.Find("[role=alert].mud-alert").TextContent, StringComparison.OrdinalIgnoreCase));
        Assert.False(saved.IsCompleted);
        await using var db = Factory.Feed.Db();
        Assert.False(await db.AlertRules.AnyAsync(r => r.Name == name));
    }
}
