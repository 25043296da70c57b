using Bunit;
using Microsoft.EntityFrameworkCore;
using MudBlazor;
using ProbeDashboard.Alerts.Rules;
using ProbeDashboard.Core.Monitors;
using ProbeDashboard.Monitors;
using ProbeDashboard.Tests.Support;

namespace ProbeDashboard.Tests.Components.Alerts.Escalation;

/// <summary>The escalation policy picker where alerts are configured: the alert rule dialog and the monitor form.</summary>
public class EscalationPolicyPickerTests(AlertTestFactory factory) : EscalationUiTest(factory), IClassFixture<AlertTestFactory>
{
    [Fact]
    public async Task A_rule_saved_with_a_picked_policy_references_it_and_reopens_showing_it()
    {
        var group = await Factory.Feed.AddGroupAsync(Unique("Ops"), emails: ["ops@example.test"]);
        var policy = await AddPolicyAsync(Unique("Rule rota"), (0, [group.Id]));
        var dialogs = RenderDialogs();
        _ = Popovers;
        Task<bool> saved = Task.FromResult(false);
        await dialogs.InvokeAsync(() => { saved = AlertRuleDialog.OpenAsync(DialogService, Text, null); });
        var name = Unique("Slow API");
        dialogs.WaitForElement("input.condition-input");
        dialogs.OnRenderer(() => dialogs.Find("input.condition-input").Input("latency > 2"));
        dialogs.OnRenderer(() => dialogs.Find(".rule-form input.mud-input-root").Change(name));

        Pick(dialogs, d => Select(d, "Escalation policy"), policy.Name);
        dialogs.Press("Save");

        Assert.True(await saved.WaitAsync(TimeSpan.FromSeconds(30)));
        await using var db = Factory.Feed.Db();
        var rule = await db.AlertRules.SingleAsync(r => r.Name == name);
        Assert.Equal(policy.Id, rule.EscalationPolicyId);

        await dialogs.InvokeAsync(() => { saved = AlertRuleDialog.OpenAsync(DialogService, Text, rule.Id); });
        dialogs.WaitForAssertion(() => Assert.Equal(policy.Name, Select(dialogs, "Escalation policy").QuerySelector("input.mud-select-input")!.GetAttribute("value")));
    }

    [Fact]
    public async Task The_monitor_form_sets_the_policy_on_its_input_and_clearing_it_sends_none()
    {
        var group = await Factory.Feed.AddGroupAsync(Unique("Ops"), emails: ["ops@example.test"]);
        var policy = await AddPolicyAsync(Unique("Monitor rota"), (0, [group.Id]));
        var model = new MonitorFormModel { Name = "api", Target = "http://127.0.0.1:9/" };
        var errors = new Dictionary<string, string[]> { ["escalation_policy_id"] = ["no escalation policy has this id"] };
        var form = Ctx.Render<MonitorFormFields>(p => p.Add(f => f.Model, model).Add(f => f.Errors, errors));
        form.WaitForAssertion(() => Assert.Contains("Escalation policy", form.Markup));

        Assert.Contains("no escalation policy has this id", Select(form, "Escalation policy").ParentElement!.TextContent);
        Pick(form, f => Select(f, "Escalation policy"), policy.Name);

        Assert.Equal(policy.Id, model.EscalationPolicyId);
        Assert.Equal(policy.Id, model.ToInput().EscalationPolicyId);
        Pick(form, f => Select(f, "Escalation policy"), "No escalation");
        Assert.Null(model.ToInput().EscalationPolicyId);
    }

    [Fact]
    public async Task Nobody_signed_in_sees_no_picker_and_an_edit_keeps_the_stored_policy()
    {
        var group = await Factory.Feed.AddGroupAsync(Unique("Ops"), emails: ["ops@example.test"]);
        var policy = await AddPolicyAsync(Unique("Kept rota"), (0, [group.Id]));
        SignOut();
        var model = MonitorFormModel.From(new MonitorDefinition { Name = "db", Kind = MonitorKind.Tcp, Target = "127.0.0.1:5432", EscalationPolicyId = policy.Id });

        var form = Ctx.Render<MonitorFormFields>(p => p.Add(f => f.Model, model).Add(f => f.Errors, new Dictionary<string, string[]>()));

        form.WaitForAssertion(() => Assert.Contains("Failed rounds before alerting", form.Markup));
        Assert.DoesNotContain("Escalation policy", form.Markup);
        Assert.Equal(policy.Id, model.ToInput().EscalationPolicyId);
    }
}
