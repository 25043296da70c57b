using Bunit;
using Microsoft.EntityFrameworkCore;
using MudBlazor;
using ProbeDashboard.Alerts.Escalation.Ui;
using ProbeDashboard.Core.Alerts.Escalation;
using ProbeDashboard.Core.Auth;
using ProbeDashboard.Tests.Support;

namespace ProbeDashboard.Tests.Components.Alerts.Escalation;

/// <summary>The policy dialog: ordered steps with their groups, the Core's per-step errors on the step's field, reorder, refusal.</summary>
public class EscalationPolicyDialogTests(AlertTestFactory factory) : EscalationUiTest(factory), IClassFixture<AlertTestFactory>
{
    private async Task<(IRenderedComponent<MudDialogProvider> Dialogs, Task<bool> Saved)> OpenAsync(int? policyId)
    {
        var dialogs = RenderDialogs();
        _ = Popovers;
        Task<bool> saved = Task.FromResult(false);
        await dialogs.InvokeAsync(() => { saved = EscalationPolicyDialog.OpenAsync(DialogService, Text, policyId); });
        dialogs.WaitForElement(".policy-form");
        return (dialogs, saved);
    }

    private static AngleSharp.Dom.IElement Step(IRenderedComponent<MudDialogProvider> dialogs, int number) =>
        dialogs.Find($".escalation-step[aria-label='Step {number}']");

    private static void Save(IRenderedComponent<MudDialogProvider> dialogs) => dialogs.Press("Save");

    [Fact]
    public async Task Two_steps_are_saved_in_order_after_a_too_short_delay_is_named_on_its_own_step()
    {
        var onCall = await Factory.Feed.AddGroupAsync(Unique("On call"), emails: ["oncall@example.test"]);
        var leads = await Factory.Feed.AddGroupAsync(Unique("Leads"), emails: ["leads@example.test"]);
        var (dialogs, saved) = await OpenAsync(null);
        var name = Unique("Night rota");
        dialogs.Fill("Name", name);
        Pick(dialogs, d => Step(d, 1).QuerySelector(".step-groups")!, onCall.Name);
        dialogs.Press("Add step");
        Pick(dialogs, d => Step(d, 2).QuerySelector(".step-groups")!, leads.Name, onCall.Name);
        dialogs.OnRenderer(() => Step(dialogs, 2).QuerySelector(".step-after input")!.Change("5"));

        Save(dialogs);
        dialogs.WaitForAssertion(() => Assert.Contains("after_seconds of step 2 must be between 60", Step(dialogs, 2).TextContent));
        Assert.DoesNotContain("must be", Step(dialogs, 1).TextContent);
        Assert.False(saved.IsCompleted);

        dialogs.OnRenderer(() => dialogs.Find(".escalation-step[aria-label='Step 2'] .step-after input").Change("600"));
        dialogs.OnRenderer(() => dialogs.Find(".policy-form .form-row input").Change("2"));
        Save(dialogs);

        Assert.True(await saved.WaitAsync(TimeSpan.FromSeconds(30)));
        var stored = (await Policies.ListAsync(TestActors.Admin, CancellationToken.None)).Single(p => p.Name == name);
        Assert.Equal([(0, new[] { onCall.Id }), (600, new[] { leads.Id, onCall.Id }.Order().ToArray())],
            stored.Steps.Select(s => (s.AfterSeconds, s.NotificationGroupIds.Order().ToArray())));
        Assert.Equal((2, true), (stored.Repeat, stored.StopOnAcknowledge));
    }

    [Fact]
    public async Task Editing_moves_a_step_up_removes_one_and_turns_off_stop_on_acknowledge()
    {
        var a = await Factory.Feed.AddGroupAsync(Unique("A"), emails: ["a@example.test"]);
        var b = await Factory.Feed.AddGroupAsync(Unique("B"), emails: ["b@example.test"]);
        var c = await Factory.Feed.AddGroupAsync(Unique("C"), emails: ["c@example.test"]);
        var policy = await AddPolicyAsync(Unique("Day rota"), (0, [a.Id]), (120, [b.Id]), (300, [c.Id]));
        var (dialogs, saved) = await OpenAsync(policy.Id);
        Assert.Equal(policy.Name, dialogs.Field("Name").GetAttribute("value"));
        Assert.Equal(b.Name, Step(dialogs, 2).QuerySelector("input.mud-select-input")!.GetAttribute("value"));
        Assert.True(Step(dialogs, 1).QuerySelector("button[aria-label='Move step 1 up']")!.HasAttribute("disabled"));

        dialogs.Press("Move step 3 up");
        dialogs.Press("Remove step 1");
        dialogs.OnRenderer(() => dialogs.Find(".policy-form .mud-switch input").Change(false));
        Save(dialogs);

        Assert.True(await saved.WaitAsync(TimeSpan.FromSeconds(30)));
        var stored = await Policies.GetAsync(TestActors.Admin, policy.Id, CancellationToken.None);
        // Each step keeps its own delay when it moves.
        Assert.Equal([(300, c.Id), (120, b.Id)], stored!.Steps.Select(s => (s.AfterSeconds, s.NotificationGroupIds.Single())));
        Assert.False(stored.StopOnAcknowledge);
        await using var db = Factory.Feed.Db();
        Assert.Single(await db.AuditLog.Where(e => e.Action == "escalation_policy.update" && e.Target.StartsWith($"escalation policy #{policy.Id} ")).ToListAsync());
    }

    [Fact]
    public async Task A_viewer_who_opens_the_dialog_anyway_is_refused_and_nothing_is_saved()
    {
        var group = await Factory.Feed.AddGroupAsync(Unique("Ops"), emails: ["ops@example.test"]);
        SignIn(UserRole.Viewer);
        var (dialogs, saved) = await OpenAsync(null);
        var name = Unique("viewer policy");
        dialogs.Fill("Name", name);
        Pick(dialogs, d => Step(d, 1).QuerySelector(".step-groups")!, group.Name);

        Save(dialogs);

        dialogs.WaitForAssertion(() => Assert.Contains("alert rules", dialogs.Find("[role=alert].mud-alert").TextContent, StringComparison.OrdinalIgnoreCase));
        Assert.False(saved.IsCompleted);
        Assert.DoesNotContain(await Policies.ListAsync(TestActors.Admin, CancellationToken.None), p => p.Name == name);
    }

    [Fact]
    public void The_form_moves_only_within_its_steps_and_new_later_steps_wait_five_minutes()
    {
        var form = new EscalationPolicyForm();
        form.AddStep();
        form.Steps[0].GroupIds = [1];
        form.MoveStep(0, -1);
        form.MoveStep(1, 1);
        Assert.Equal([0, 300], form.Steps.Select(s => s.AfterSeconds));
        form.MoveStep(1, -1);
        Assert.Equal([300, 0], form.Steps.Select(s => s.AfterSeconds));
        Assert.Equal([1], form.ToInput().Steps![1]!.NotificationGroupIds!);
    }
}
